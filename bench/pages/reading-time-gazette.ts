// Gazette's counter, as <gz-reading-time> runs it: countNode (Intl.Segmenter words and
// characters, images) then readingMinutes.
import { countNode, countText, readingMinutes } from '../../src/components/reading-time/count.js';
import { runCase } from '../reading-time-cases.js';

runCase(({ text, node }) =>
  new URLSearchParams(location.search).get('op') === 'count1mb'
    ? readingMinutes({ ...countText(text(), 'de'), images: 0 })
    : readingMinutes(countNode(node, 'de')),
);
