import { expect, html as fixtureHtml } from '@open-wc/testing';
import { fixture } from './harness/fixture.js';
import { LitElement, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { FocusKeeper, deepActiveElement } from '../src/internal/focus.js';

type Phase = 'idle' | 'pending' | 'error' | 'done';

/**
 * A small element with the shapes of state change the real ones have: a retry button removed while
 * pending and rendered again on failure, a toggle replaced by another element with the same role,
 * a control whose successor is a status message.
 */
class FocusProbe extends LitElement {
  @property() phase: Phase = 'idle';
  @property({ type: Boolean }) keep = true;
  @property({ type: Boolean }) swap = false;
  keeper?: FocusKeeper;

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.keep && !this.keeper) this.keeper = new FocusKeeper(this, { retry: ['toggle'], done: ['status'] });
  }

  protected override render() {
    const toggle = this.swap
      ? html`<a href="#t" data-focus="toggle">toggle (link)</a>`
      : html`<button data-focus="toggle">toggle</button>`;
    return html`${toggle} ${this.phase === 'error' ? html`<button data-focus="retry">retry</button>` : nothing}
    ${this.phase === 'idle' ? html`<button data-focus="done">finish</button>` : nothing}
    ${this.phase === 'done' ? html`<p tabindex="-1" data-focus="status">done</p>` : nothing}`;
  }
}
customElements.define('gz-focus-probe', FocusProbe);

const control = (el: FocusProbe, key: string) => el.shadowRoot!.querySelector<HTMLElement>(`[data-focus="${key}"]`)!;
const focused = () => deepActiveElement();
const focusedKey = () => focused()?.getAttribute('data-focus') ?? focused()?.localName;

async function probe(keep = true): Promise<FocusProbe> {
  return fixture<FocusProbe>(fixtureHtml`<gz-focus-probe .keep=${keep} phase="error"></gz-focus-probe>`);
}

describe('FocusKeeper (src/internal/focus.ts)', () => {
  it('deepActiveElement reads through shadow roots', async () => {
    const el = await probe();
    control(el, 'retry').focus();
    expect(document.activeElement === el).to.be.true;
    expect(focused() === control(el, 'retry')).to.be.true;
  });

  it('without the keeper, removing the focused control drops focus to <body> (what the rule prevents)', async () => {
    const el = await probe(false);
    control(el, 'retry').focus();
    el.phase = 'pending';
    await el.updateComplete;
    expect(focused() === document.body).to.be.true;
  });

  it('a control removed while pending and rendered again on failure: focus goes to the successor, then stays usable', async () => {
    const el = await probe();
    control(el, 'retry').focus();
    el.phase = 'pending';
    await el.updateComplete;
    expect(focusedKey()).to.equal('toggle');
    expect(focused() === document.body).to.be.false;
  });

  it('a control that only re-renders keeps focus (same node)', async () => {
    const el = await probe();
    const retry = control(el, 'retry');
    retry.focus();
    el.requestUpdate();
    await el.updateComplete;
    expect(focused() === retry).to.be.true;
  });

  it('a control replaced by another with the same key gets focus back', async () => {
    const el = await probe();
    control(el, 'toggle').focus();
    el.swap = true;
    await el.updateComplete;
    expect(focused()?.localName).to.equal('a');
    expect(focusedKey()).to.equal('toggle');
  });

  it('a non-interactive successor (status with tabindex=-1) takes focus', async () => {
    const el = await probe();
    el.phase = 'idle';
    await el.updateComplete;
    control(el, 'done').focus();
    el.phase = 'done';
    await el.updateComplete;
    expect(focusedKey()).to.equal('status');
  });

  it('does not steal focus the reader moved elsewhere', async () => {
    const el = await probe();
    const outside = await fixture<HTMLButtonElement>(fixtureHtml`<button>outside</button>`);
    control(el, 'retry').focus();
    outside.focus();
    el.phase = 'pending';
    await el.updateComplete;
    expect(focused() === outside).to.be.true;
  });

  it('preserve() applies the rule to a change made outside render', async () => {
    const el = await probe();
    control(el, 'retry').focus();
    el.keeper!.preserve(() => control(el, 'retry').remove());
    expect(focusedKey()).to.equal('toggle');
  });

  it('a control that becomes disabled counts as gone', async () => {
    const el = await probe();
    const retry = control(el, 'retry') as HTMLButtonElement;
    retry.focus();
    el.keeper!.preserve(() => (retry.disabled = true));
    expect(focusedKey()).to.equal('toggle');
  });
});
