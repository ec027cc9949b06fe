/**
 * The reading-time cases, the same for both counters: `?op=recount` (a 10,000-word body in the
 * page, one word appended to one paragraph, then the body counted again: what the element does
 * once per frame after edits) and `?op=count1mb` (one count of a 1 MB string). Each reports the
 * milliseconds of the count and the minutes it gave.
 */
import { done, words } from './data.js';

export function runCase(count: (input: { text: () => string; node: Element }) => number): void {
  const op = new URLSearchParams(location.search).get('op') ?? 'recount';
  const root = document.getElementById('root')!;
  if (op === 'count1mb') {
    let text = '';
    const paragraphs = words(200_000);
    for (const p of paragraphs) {
      if (text.length >= 1_000_000) break;
      text += `${p}\n\n`;
    }
    text = text.slice(0, 1_000_000);
    const start = performance.now();
    const minutes = count({ text: () => text, node: root });
    done(performance.now() - start, { op, minutes, characters: text.length });
    return;
  }
  for (const p of words(10_000)) root.appendChild(document.createElement('p')).textContent = p;
  count({ text: () => root.textContent ?? '', node: root });
  (root.children[50]!.firstChild as Text).appendData(' Nachtrag');
  const start = performance.now();
  const minutes = count({ text: () => root.textContent ?? '', node: root });
  done(performance.now() - start, { op, minutes });
}
