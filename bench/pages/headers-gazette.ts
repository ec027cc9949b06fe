import '../../src/styles/tokens.css';
import '../../src/components/article-header/article-header.js';
import { done, gazetteRendered } from '../data.js';
import { HEADERS, headline, publishedAt, stage } from '../headers.js';

const root = stage();
const start = performance.now();
for (let i = 0; i < HEADERS; i++) {
  const header = document.createElement('gz-article-header');
  header.setAttribute('section', 'Politik');
  header.setAttribute('published', publishedAt(i).toISOString());
  header.setAttribute('time-zone', 'Europe/Berlin');
  header.setAttribute('relative', '');
  header.setAttribute('no-reading-time', '');
  header.appendChild(document.createElement('h2')).textContent = headline(i);
  root.append(header);
}
await gazetteRendered(root);
void document.body.offsetHeight;
done(performance.now() - start);
