/**
 * The author card's bio decided on the server (issue 21 item 10): `hasBioMarkup` reads the
 * children's HTML as the browser slots them, and `decideServerBios` hides separator and bio of a
 * card without one, leaving the rest of the stream as it was.
 */
import { expect } from '@open-wc/testing';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { decideServerBios, hasBioMarkup } from '../src/components/author-card/server-bio.js';

const shadow = (bio = '') =>
  `<template shadowroot="open" shadowrootmode="open"><div part="base" class="base card">` +
  `<!--lit-node 3--><p part="separator" class="separator" aria-hidden="true">* * *</p>` +
  `<!--lit-node 4--><div part="bio" class="bio"><slot></slot></div></div></template>${bio}`;

describe('author card bio on the server', () => {
  it('finds a bio where the browser would slot one, and none elsewhere', () => {
    const yes = [
      '<p>Bio</p>',
      'Bare text',
      '<!--lit-part--><p>x</p><!--/lit-part-->',
      '<img src="a.png">',
      '<p slot="">x</p>',
    ];
    const no = [
      '',
      '\n   \n',
      '<!--lit-part-->  <!--/lit-part-->',
      '<a slot="links" href="/x">Profil <b>text</b></a>',
      `\n<a slot='links' title="a > b">x</a>\n`,
      '&nbsp;',
    ];
    for (const html of yes) expect(hasBioMarkup(html), html).to.be.true;
    for (const html of no) expect(hasBioMarkup(html), html).to.be.false;
  });

  it('hides separator and bio of a card without a bio, across chunks and promises', async () => {
    const page = [
      '<main><gz-',
      'author-card name="A">',
      shadow(),
      '  <a slot="links" href="/a">x</a>',
      Promise.resolve(['</gz-author-card><gz-author-card name="B">', shadow('<p>Bio</p>'), '</gz-author-card>']),
      '<gz-author-card name="C">',
      shadow(),
      '</gz-author-card\n  >',
      '</main>',
    ];
    const out = await collectResult(decideServerBios(page));
    const [a, b, c] = out.split(/<\/gz-author-card\s*>/);
    expect(a).to.include('<p hidden part="separator"').and.include('<div hidden part="bio"');
    expect(b).not.to.match(/<(p|div) hidden/);
    expect(c).to.include('<p hidden part="separator"');
    expect(out.replace(/ hidden/g, '')).to.equal(
      (await collectResult(page.map((c) => (typeof c === 'string' ? c : c.then((x) => x))))).replace(/ hidden/g, ''),
    );
    expect(out.startsWith('<main><gz-author-card')).to.be.true;
    expect(out.endsWith('</main>')).to.be.true;
  });

  it('finds the end of the shadow root past templates, comments and attributes inside it', async () => {
    // The card's own shadow root may one day hold a <template> (or a comment or attribute naming
    // one): the first `</template>` is then not the shadow root's end.
    const nested =
      `<template shadowroot="open" shadowrootmode="open"><style>.a::after{content:"</template>"}</style>` +
      `<div part="base" class="base card" title="</template>"><!-- </template> -->` +
      `<template class="row"><template><b>x</b></template><p>y</p></template>` +
      `<!--lit-node 3--><p part="separator" class="separator" aria-hidden="true">* * *</p>` +
      `<!--lit-node 4--><div part="bio" class="bio" dir="auto"><slot></slot></div></div></template>`;
    const without = await collectResult(decideServerBios([`<gz-author-card name="A">${nested}</gz-author-card>`]));
    expect(without).to.include('<p hidden part="separator"').and.include('<div hidden part="bio"');
    const withBio = await collectResult(
      decideServerBios([`<gz-author-card name="A">${nested}<p>Bio</p></gz-author-card>`]),
    );
    expect(withBio).not.to.match(/<(p|div) hidden/);
  });

  it('leaves a card without a declarative shadow root as it is, even when its children hold a template', async () => {
    const card = `<gz-author-card name="A"><template><p part="separator" class="separator">* * *</p></template></gz-author-card>`;
    expect(await collectResult(decideServerBios([card]))).to.equal(card);
  });
});
