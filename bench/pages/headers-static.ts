// The static baseline: the same headers as plain DOM, relative times computed once, no timers.
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
  time.textContent = relativeText(date);
}
void document.body.offsetHeight;
done(performance.now() - start);
