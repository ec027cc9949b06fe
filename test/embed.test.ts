import { expect } from '@open-wc/testing';
import { fixture } from './harness/fixture.js';
import { html, LitElement } from 'lit';
import { defuseAttributes } from '../src/components/article-body/sanitize.js';
import { cssProps } from '../src/internal/css-props.js';

describe('defuseAttributes (CSP-quiet parsing of CMS html)', () => {
  it('renames event handlers and style attributes in tags, quoted or not', () => {
    expect(defuseAttributes('<p>a<img src=x onerror="alert(1)"><b style="color:red">b</b></p>')).to.equal(
      '<p>a<img src=x gz-dropped-onerror="alert(1)"><b gz-dropped-style="color:red">b</b></p>',
    );
    expect(defuseAttributes('<img/ONload=alert(1)><p style>x</p>')).to.equal(
      '<img/gz-dropped-ONload=alert(1)><p gz-dropped-style>x</p>',
    );
  });

  it('leaves attribute values and text alone', () => {
    const input = `<a title="turn on the light" href=http://online.de/on data-x='on style'>onclick= style=</a> a < b on`;
    expect(defuseAttributes(input)).to.equal(input);
  });
});

class CssPropsProbe extends LitElement {
  static override properties = { color: {} };
  declare color: string | null;
  constructor() {
    super();
    this.color = 'red';
  }
  override render() {
    return html`<span style=${cssProps({ '--_c': this.color })}></span>`;
  }
}
customElements.define('gz-test-css-props', CssPropsProbe);

describe('cssProps (CSP-safe custom properties)', () => {
  it('sets properties through the CSSOM from the first render, and removes them', async () => {
    const el = await fixture<CssPropsProbe>(html`<gz-test-css-props></gz-test-css-props>`);
    const span = el.shadowRoot!.querySelector('span')!;
    expect(span.style.getPropertyValue('--_c')).to.equal('red');
    el.color = null;
    await el.updateComplete;
    expect(span.style.getPropertyValue('--_c')).to.equal('');
  });
});
