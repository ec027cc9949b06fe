// The usual "time ago" script: one setInterval per header, refreshing its text every 10 s whether
// it is visible or not. Used as the baseline of the idle-CPU case only.
import { done } from '../data.js';
import { HEADERS, headline, publishedAt, relativeText, stage } from '../headers.js';

const root = stage();
const start = performance.now();
for (let i = 0; i < HEADERS; i++) {
  const header = root.appendChild(document.createElement('header'));
  header.appendChild(document.createElement('p')).textContent = 'Politik';
  header.appendChild(document.createElement('h2')).textContent = headline(i);
  const time = header.appendChild(document.createElement('time'));
  const date = publishedAt(i);
  time.dateTime = date.toISOString();
  const refresh = () => (time.textContent = relativeText(date));
  refresh();
  setInterval(refresh, 10_000);
}
void document.body.offsetHeight;
done(performance.now() - start);
