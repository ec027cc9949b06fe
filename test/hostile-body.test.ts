/** The hostile suite (test/hostile/suite.ts) for the elements of its part `body`. */
import { attackElements, checkRun, PARTS, watchRun } from './hostile/suite.js';

describe('hostile inputs: body', function () {
  this.timeout(170_000);
  watchRun();
  attackElements(PARTS.body!);
  checkRun();
});
