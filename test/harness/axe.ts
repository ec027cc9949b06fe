/**
 * Loads axe-core with the test file and runs it once before the file's first test. Without this,
 * the first `expect(el).to.be.accessible()` of a page pays for fetching and compiling axe (about
 * 550 kB) and for its first, cold run inside that one test's 5 s mocha limit: on a loaded machine
 * (load average 30-45) that alone took 10-13 s, and the author card's first accessible() tests timed
 * out whatever they tested (this is why `dir="auto"` on the bio was once wrongly backed out). Warm,
 * a run over a card takes well under a second. Import it for its side effect:
 * `import './harness/axe.js';`
 */
import 'axe-core/axe.min.js';

before(async function () {
  this.timeout(60_000);
  const { axe } = window as unknown as { axe: { run(context: Element): Promise<unknown> } };
  await axe.run(document.body);
});
