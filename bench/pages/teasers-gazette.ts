// 1,000 teasers rendered by <gz-teaser-list> from its `items` property (the data path a CMS
// integration uses); `?op=update` measures a new array with item 501's title changed.
import '../../src/components/teaser-list/teaser-list.js';
import type { GzTeaserList } from '../../src/components/teaser-list/teaser-list.component.js';
import { teaserItem, teasers } from '../data.js';
import { finish } from './teasers-shared.js';

const root = document.getElementById('root')!;
const op = new URLSearchParams(location.search).get('op') ?? 'render';
const data = teasers(1000).map(teaserItem);

/** Time before the forced style and layout, for the split in bench/ab.mjs. */
let script = 0;

/** The list (which renders its teasers itself) has rendered, and the page is laid out. */
async function settled(list: GzTeaserList): Promise<void> {
  // A German page's element is defined once its language pack is there (GzElement.define):
  // until then `updateComplete` is a plain property's undefined.
  await customElements.whenDefined('gz-teaser-list');
  await list.updateComplete;
  script = performance.now() - start;
  void document.body.offsetHeight;
}

let start = performance.now();
const list = document.createElement('gz-teaser-list');
list.setAttribute('heading', 'Neueste Artikel');
list.items = data;
root.append(list);
await settled(list);
const rendered = list.shadowRoot?.querySelectorAll('[part~=item]').length ?? 0;
if (op === 'update') {
  start = performance.now();
  list.items = data.map((item, i) =>
    i === 500 ? { ...item, title: 'Aktualisiert: eine neue Überschrift für den Artikel 501' } : item,
  );
  await settled(list);
}
finish(start, rendered === 1000 ? performance.now() - start : Number.NaN, { op, rendered, script });
