// 1,000 teasers in React 19; `?op=update` measures re-rendering with one item's title changed.
import { createElement as h } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { teasers } from '../data.js';
import { finish } from './teasers-shared.js';
import { TeaserList } from '../react/components.js';

const op = new URLSearchParams(location.search).get('op') ?? 'render';
const data = teasers(1000);
const root = createRoot(document.getElementById('root')!);

let start = performance.now();
flushSync(() => root.render(h(TeaserList, { teasers: data })));
// `script`: the time before the forced style and layout, for the split in bench/ab.mjs.
let script = performance.now() - start;
void document.body.offsetHeight;
if (op === 'update') {
  const next = data.slice();
  next[500] = { ...next[500], title: 'Aktualisiert: eine neue Überschrift für den Artikel 501' };
  start = performance.now();
  flushSync(() => root.render(h(TeaserList, { teasers: next })));
  script = performance.now() - start;
  void document.body.offsetHeight;
}
finish(start, performance.now() - start, { op, script });
