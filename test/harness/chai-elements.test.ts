/**
 * The guard against the hanging element assertion (test/harness/chai-elements.ts): a wrong
 * assertion about elements fails at once with both elements described, in every form the suite
 * uses. Without the plugin each of these stalls the runner for 180 s.
 */
import { expect } from '@open-wc/testing';

function failure(assertion: () => void): Error & { actual?: unknown; expected?: unknown } {
  try {
    assertion();
  } catch (error) {
    return error as Error;
  }
  throw new Error('the assertion passed');
}

describe('element assertions', () => {
  const a = document.createElement('p');
  a.id = 'first';
  a.textContent = 'Erster Absatz';
  const b = document.createElement('div');
  b.className = 'box';

  it('a wrong equal on two elements fails with both described, within a second', function () {
    // The runner serialises the error it reports: with both sides plain strings that cannot stall.
    this.timeout(1000);
    const started = performance.now();
    const error = failure(() => expect(a).to.equal(b));
    expect(JSON.parse(JSON.stringify({ actual: error.actual, expected: error.expected }))).to.deep.equal({
      actual: error.actual,
      expected: error.expected,
    });
    expect(performance.now() - started).to.be.below(1000);
    expect(error.actual).to.equal('<p#first> "Erster Absatz" (detached)');
    expect(error.expected).to.equal('<div.box> (detached)');
    expect(error.message).to.include('<p#first>').and.include('<div.box>');
  });

  it('also for arrays of elements and negated forms', () => {
    expect(failure(() => expect([a]).to.deep.equal([b])).expected).to.deep.equal(['<div.box> (detached)']);
    expect(failure(() => expect(a).not.to.equal(a)).actual).to.equal('<p#first> "Erster Absatz" (detached)');
    expect(failure(() => expect([a]).to.have.members([b])).expected).to.deep.equal(['<div.box> (detached)']);
  });

  it('leaves passing assertions and other values alone', () => {
    expect(a).to.equal(a);
    expect(failure(() => expect(1).to.equal(2)).expected).to.equal(2);
  });
});
