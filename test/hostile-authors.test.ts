/** The hostile suite (test/hostile/suite.ts) for the elements of its part `authors`. */
import { attackElements, checkRun, PARTS, watchRun } from './hostile/suite.js';

describe('hostile inputs: authors', function () {
  this.timeout(170_000);
  watchRun();
  attackElements(PARTS.authors!);
  checkRun();
});
