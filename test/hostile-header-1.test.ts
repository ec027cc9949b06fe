/** The hostile suite (test/hostile/suite.ts) for `<gz-article-header>`, part 1 of 3 of its paths. */
import { attackElements, checkRun, PARTS, watchRun } from './hostile/suite.js';

describe('hostile inputs: header, part 1 of 3', function () {
  this.timeout(170_000);
  watchRun();
  attackElements(PARTS.header!, [0, 3]);
  checkRun();
});
