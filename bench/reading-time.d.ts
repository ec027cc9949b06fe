/**
 * The bench loads the browser file of the `reading-time` package: its entry also pulls in Node's
 * `stream`, and its own declarations cover only that entry.
 */
declare module 'reading-time/lib/reading-time.js' {
  export default function readingTime(text: string): { text: string; minutes: number; time: number; words: number };
}
