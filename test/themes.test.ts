import { expect } from '@open-wc/testing';
import { contrast } from './contrast.js';

/**
 * Every shipped theme must pass WCAG AA: 4.5:1 for text pairs, 3:1 for the focus ring and borders
 * that carry meaning. The ratios are computed from the theme files themselves, so a changed colour
 * is checked without anyone copying values into this test.
 */
const THEMES = {
  tokens: '../src/styles/tokens.css',
  light: '../src/styles/themes/light.css',
  dark: '../src/styles/themes/dark.css',
  broadsheet: '../src/styles/themes/broadsheet.css',
  tabloid: '../src/styles/themes/tabloid.css',
  'auto (light part)': '../src/styles/themes/auto.css#light',
  'auto (dark part)': '../src/styles/themes/auto.css#dark',
};

/** [foreground, background, minimum ratio] */
const PAIRS: [string, string, number][] = [
  ['text', 'background', 4.5],
  ['text', 'surface', 4.5],
  ['text-muted', 'background', 4.5],
  ['text-muted', 'surface', 4.5],
  ['accent', 'background', 4.5],
  ['accent', 'surface', 4.5],
  ['on-accent', 'accent', 4.5],
  ['link', 'background', 4.5],
  ['link', 'surface', 4.5],
  ['danger', 'background', 4.5],
  ['success', 'background', 4.5],
  ['focus', 'background', 3],
  ['focus', 'surface', 3],
];

/**
 * The colour tokens a theme file sets. `auto.css#light` and `auto.css#dark` read the part of
 * `auto.css` before and inside its `prefers-color-scheme: dark` block.
 */
async function colours(path: string): Promise<Map<string, string>> {
  const [file, part] = path.split('#');
  let css = await (await fetch(new URL(file!, import.meta.url))).text();
  if (part) {
    const [light, dark] = css.split(/@media\s*\(prefers-color-scheme:\s*dark\)/);
    expect(dark, `${file} has a prefers-color-scheme: dark block`).to.be.a('string');
    css = part === 'dark' ? dark! : light!;
  }
  const found = new Map<string, string>();
  for (const [, name, value] of css.matchAll(/--gz-color-([a-z-]+):\s*(#[0-9a-f]{3,8})\s*;/gi)) {
    found.set(name!, value!);
  }
  return found;
}

describe('themes', () => {
  it('computes contrast as WCAG defines it', () => {
    expect(contrast('#000000', '#ffffff')).to.be.closeTo(21, 0.01);
    expect(contrast('#767676', '#ffffff')).to.be.closeTo(4.54, 0.01);
  });

  for (const [theme, path] of Object.entries(THEMES)) {
    it(`${theme}: every colour pair passes WCAG AA`, async () => {
      const palette = await colours(path);
      const failures: string[] = [];
      for (const [fg, bg, min] of PAIRS) {
        const a = palette.get(fg);
        const b = palette.get(bg);
        expect(a, `--gz-color-${fg} in ${theme}`).to.be.a('string');
        expect(b, `--gz-color-${bg} in ${theme}`).to.be.a('string');
        const ratio = contrast(a!, b!);
        if (ratio < min) failures.push(`${fg} on ${bg}: ${ratio.toFixed(2)} < ${min}`);
      }
      expect(failures).to.deep.equal([]);
    });
  }

  it('light.css states the same colours as the token defaults', async () => {
    const [tokens, light] = await Promise.all([colours(THEMES.tokens), colours(THEMES.light)]);
    expect(Object.fromEntries(light)).to.deep.equal(Object.fromEntries(tokens));
  });

  for (const theme of ['dark', 'broadsheet', 'tabloid'] as const) {
    it(`${theme}.css defines every colour token`, async () => {
      const [tokens, palette] = await Promise.all([colours(THEMES.tokens), colours(THEMES[theme])]);
      expect([...palette.keys()].sort()).to.deep.equal([...tokens.keys()].sort());
    });
  }

  it('auto.css is light.css, and dark.css under prefers-color-scheme: dark', async () => {
    const [light, dark, autoLight, autoDark] = await Promise.all(
      [THEMES.light, THEMES.dark, THEMES['auto (light part)'], THEMES['auto (dark part)']].map(colours),
    );
    expect(Object.fromEntries(autoLight!)).to.deep.equal(Object.fromEntries(light!));
    expect(Object.fromEntries(autoDark!)).to.deep.equal(Object.fromEntries(dark!));
  });
});
