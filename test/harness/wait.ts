/**
 * Waiting on a condition, frame by frame (observers, lazy chunks and slot changes report in a
 * rendering step), never on a fixed time. One copy for every test file (issue 19).
 *
 * Resolves once `condition` holds, or after `maxFrames` frames (then the test's next assertion
 * reports what is missing); without `maxFrames` only the test's own timeout bounds the wait.
 */
export async function until(condition: () => boolean, maxFrames = Infinity): Promise<void> {
  for (let i = 0; i < maxFrames && !condition(); i++) {
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}

/** The last click's or key press's timeStamp in this page, as an element reads it from its event. */
let lastActivation = -Infinity;
for (const type of ['click', 'keydown'])
  addEventListener(type, (event) => (lastActivation = Math.max(lastActivation, event.timeStamp)), true);

/**
 * A reader's pause: resolves once `ms` have passed since the page's last activation (click or key
 * press), measured on the clock the event's timeStamp uses. The condition is the element's own
 * (e.g. the subscribe button's 500 ms double-click interval), not a guessed sleep.
 */
export const pausedSince = (ms: number): Promise<void> => until(() => performance.now() - lastActivation >= ms);

/**
 * Resolves once an IntersectionObserver of the test's own has made its first report on `target`.
 * The browser reports every observer's view of one rendering step together, in the order the
 * observers were created: by then an element's own observer (created earlier) has seen the same
 * layout. The condition for a test that asserts an observer did not act (an impression not counted,
 * a timer not started), where waiting "a few frames" was a guess.
 */
export function intersectionReported(target: Element): Promise<void> {
  return new Promise((resolve) => {
    const witness = new IntersectionObserver(() => {
      witness.disconnect();
      resolve();
    });
    witness.observe(target);
  });
}
