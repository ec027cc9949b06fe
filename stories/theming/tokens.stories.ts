import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { expect } from 'storybook/test';
import { THEME_FILES, TOKENS, type ThemeName } from './theme-files.js';
import './theming.css';

const THEMES = Object.keys(THEME_FILES) as ThemeName[];
const isColour = (value: string) => /^#[0-9a-f]{3,8}$/i.test(value);

function cell(value: string | undefined) {
  if (value === undefined) return html`<td class="inherited">–</td>`;
  return html`<td class=${isColour(value) ? 'colour' : ''}>
    ${isColour(value) ? html`<span class="swatch" style="background: ${value}"></span>` : nothing}<code>${value}</code>
  </td>`;
}

/** Declarations of a theme file that are not global tokens: a typo, or a token tokens.css lost. */
function strays(): string[] {
  const known = new Set(TOKENS.map((token) => token.name));
  return THEMES.flatMap((theme) =>
    [...THEME_FILES[theme].keys()].filter((name) => !known.has(name)).map((name) => `${theme}: ${name}`),
  );
}

/**
 * Every global token (tier 1) with its value in `tokens.css` and in each shipped theme file, read
 * from the files themselves. A dash means the theme keeps the default. `auto.css` is light.css
 * plus, under `prefers-color-scheme: dark`, the column shown.
 */
const meta = {
  title: 'Theming/Tokens',
  parameters: { layout: 'fullscreen' },
  render: () => {
    const groups = [...new Set(TOKENS.map((token) => token.group))];
    const unknown = strays();
    return html`<div class="gz-docs" lang="en" dir="ltr">
      <h1>Global tokens</h1>
      <p>
        ${TOKENS.length} tokens in <code>tokens.css</code>; the columns are the theme files in
        <code>src/styles/themes/</code> (shipped as <code>gazette/themes/*.css</code>). A dash: the theme keeps the
        default.
      </p>
      ${
        unknown.length
          ? html`<p class="stray" role="alert">Declared by a theme but not a global token: ${unknown.join(', ')}</p>`
          : nothing
      }
      <div class="table-scroll" tabindex="0" role="region" aria-label="Tokens by theme">
        <table>
          <thead>
            <tr>
              <th scope="col">Token</th>
              <th scope="col">tokens.css (default)</th>
              ${THEMES.map((theme) => html`<th scope="col">${theme}</th>`)}
            </tr>
          </thead>
          ${groups.map(
            (group) =>
              html`<tbody>
                <tr>
                  <th scope="colgroup" colspan=${THEMES.length + 2} class="group">${group}</th>
                </tr>
                ${TOKENS.filter((token) => token.group === group).map(
                  (token) =>
                    html`<tr>
                      <th scope="row"><code>${token.name}</code></th>
                      ${cell(token.value)} ${THEMES.map((theme) => cell(THEME_FILES[theme].get(token.name)))}
                    </tr>`,
                )}
              </tbody>`,
          )}
        </table>
      </div>
    </div>`;
  },
} satisfies Meta;

export default meta;
type Story = StoryObj;

export const AllTokens: Story = {
  name: 'All tokens by theme',
  play: async ({ canvasElement }) => {
    expect(TOKENS.length).toBeGreaterThan(40);
    expect(canvasElement.querySelectorAll('tbody tr:not(:first-child)')).toHaveLength(TOKENS.length);
    // Every declaration of every theme file is a global token.
    expect(canvasElement.querySelector('.stray')).toBeNull();
    // Every theme sets every colour token.
    for (const theme of THEMES) {
      for (const token of TOKENS.filter((t) => t.name.startsWith('--gz-color-'))) {
        expect(THEME_FILES[theme].has(token.name), `${theme} sets ${token.name}`).toBe(true);
      }
    }
  },
};
