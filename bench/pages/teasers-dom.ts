// 1,000 teasers by a hand-written DOM loop; `?op=update` measures changing one item's title.
import { teaserDate, teasers, type Teaser } from '../data.js';
import { finish } from './teasers-shared.js';

const root = document.getElementById('root')!;
const op = new URLSearchParams(location.search).get('op') ?? 'render';
const data = teasers(1000);

function item(t: Teaser): HTMLLIElement {
  const li = document.createElement('li');
  li.className = 'teaser';
  const a = li.appendChild(document.createElement('a'));
  a.href = t.href;
  const meta = a.appendChild(document.createElement('p'));
  meta.className = 'teaser-meta';
  meta.append(Object.assign(document.createElement('span'), { textContent: t.brand }), ' ');
  meta.append(Object.assign(document.createElement('span'), { textContent: t.category }), ' ');
  const time = meta.appendChild(document.createElement('time'));
  time.dateTime = t.date;
  time.textContent = teaserDate(t.date);
  a.appendChild(document.createElement('h3')).textContent = t.title;
  a.appendChild(document.createElement('p')).textContent = t.excerpt;
  return li;
}

let start = performance.now();
const list = document.createElement('ul');
list.className = 'teasers';
for (const t of data) list.append(item(t));
root.append(list);
// `script`: the time before the forced style and layout, for the split in bench/ab.mjs.
let script = performance.now() - start;
void document.body.offsetHeight;
if (op === 'update') {
  start = performance.now();
  list.children[500].querySelector('h3')!.textContent = 'Aktualisiert: eine neue Überschrift für den Artikel 501';
  script = performance.now() - start;
  void document.body.offsetHeight;
}
finish(start, performance.now() - start, { op, script });
