// 1,000 teasers in React 19; `?op=update` measures re-rendering with one item's title changed.
import { createElement as h } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { done, teasers } from '../data.js';
import { TeaserList } from '../react/components.js';

const op = new URLSearchParams(location.search).get('op') ?? 'render';
const data = teasers(1000);
const root = createRoot(document.getElementById('root')!);

let start = performance.now();
flushSync(() => root.render(h(TeaserList, { teasers: data })));
void document.body.offsetHeight;
if (op === 'update') {
  const next = data.slice();
  next[500] = { ...next[500], title: 'Aktualisiert: eine neue Überschrift für den Artikel 501' };
  start = performance.now();
  flushSync(() => root.render(h(TeaserList, { teasers: next })));
  void document.body.offsetHeight;
}
done(performance.now() - start, { op });
