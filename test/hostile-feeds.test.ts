/** The hostile suite (test/hostile/suite.ts): feeds, and the subscription endpoint's answers. */
import { expect } from '@open-wc/testing';
import {
  attackEndpoint,
  attackFeeds,
  BASELINES,
  checkRun,
  corpus,
  elements,
  PARTS,
  watchRun,
} from './hostile/suite.js';

describe('hostile inputs: feeds and endpoint', function () {
  this.timeout(170_000);
  watchRun();

  it('finds elements to attack in the manifest, each with a baseline and a part', () => {
    const tags = elements.map((d) => d.tagName!);
    expect(tags).to.include('gz-reading-time');
    expect(tags.filter((tag) => !BASELINES[tag])).to.deep.equal([]);
    const attacked = Object.values(PARTS).flat();
    expect(tags.filter((tag) => !attacked.includes(tag))).to.deep.equal([]);
    expect(corpus.length).to.be.greaterThan(500);
  });

  attackFeeds();
  attackEndpoint();
  checkRun();
});
