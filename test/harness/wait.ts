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
