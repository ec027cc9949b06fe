// The `reading-time` npm package (1.5): readingTime(text).minutes, rounded up as its `text` shows it.
import readingTime from 'reading-time/lib/reading-time.js';
import { runCase } from '../reading-time-cases.js';

runCase(({ text }) => Math.ceil(readingTime(text()).minutes));
