import { done } from '../data.js';

/**
 * Ends a 1,000-teasers sample: `done` (the bench's number: from `start` to rendered and laid out
 * by a forced layout), then, for bench/ab.mjs, the time to the end of the next frame
 * (`painted`, with the `gz-bench-painted` mark): work the browser leaves to the frame (style and
 * layout of `content-visibility: auto` items near the viewport, paint) counts there.
 */
export function finish(start: number, result: number, info: Record<string, unknown>): void {
  done(result, info);
  requestAnimationFrame(() =>
    setTimeout(() => {
      performance.mark('gz-bench-painted');
      (window as unknown as { gzBenchPainted: number }).gzBenchPainted = performance.now() - start;
    }),
  );
}
