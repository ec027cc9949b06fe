/** The hostile suite (test/hostile/suite.ts) for the elements of its part `article`. */
import { attackElements, checkRun, PARTS, watchRun } from './hostile/suite.js';

describe('hostile inputs: article', function () {
  this.timeout(170_000);
  watchRun();
  attackElements(PARTS.article!);
  checkRun();
});
