/** The hostile suite (test/hostile/suite.ts) for the elements of its part `teasers`. */
import { attackElements, checkRun, PARTS, watchRun } from './hostile/suite.js';

describe('hostile inputs: teasers', function () {
  this.timeout(170_000);
  watchRun();
  attackElements(PARTS.teasers!);
  checkRun();
});
