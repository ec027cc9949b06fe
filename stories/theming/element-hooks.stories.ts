import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { expect } from 'storybook/test';
import './theming.css';

interface Item {
  name: string;
  description?: string;
}
interface Declaration {
  tagName?: string;
  cssProperties?: Item[];
  cssParts?: Item[];
  cssStates?: Item[];
}

// The generated manifest (`npm run analyze`); a glob resolves to nothing when it is missing.
const manifests = import.meta.glob('../../custom-elements.json', { eager: true, import: 'default' });
const manifest = manifests['../../custom-elements.json'] as
  { modules?: { declarations?: Declaration[] }[] } | undefined;
const ELEMENTS = (manifest?.modules ?? [])
  .flatMap((module) => module.declarations ?? [])
  .filter((declaration) => declaration.tagName)
  .sort((a, b) => a.tagName!.localeCompare(b.tagName!));

/** A manifest description is markdown: its `code` spans become `<code>`, the rest stays text. */
function inlineCode(text: string) {
  return text.split(/`([^`]*)`/).map((piece, i) => (i % 2 ? html`<code>${piece}</code>` : piece));
}

function list(kind: string, items: Item[] | undefined, format: (name: string) => string) {
  if (!items?.length) return nothing;
  return html`<h3>${kind}</h3>
    <dl>
      ${items.map(
        (item) =>
          html`<dt><code>${format(item.name)}</code></dt>
            <dd>${inlineCode(item.description ?? '')}</dd>`,
      )}
    </dl>`;
}

/**
 * Tiers 2 and beyond: for each element, its public custom properties, `::part()` names and
 * `:state()` names, with the descriptions of their JSDoc, read from the custom-elements manifest.
 */
const meta = {
  title: 'Theming/Element hooks',
  parameters: { layout: 'fullscreen' },
  render: () =>
    html`<div class="gz-docs" lang="en" dir="ltr">
      <h1>Per-element styling hooks</h1>
      ${
        manifest
          ? nothing
          : html`<p role="alert">custom-elements.json is missing: run <code>npm run analyze</code>.</p>`
      }
      ${ELEMENTS.map(
        (el) =>
          html`<section aria-labelledby="hooks-${el.tagName}">
            <h2 id="hooks-${el.tagName}"><code>&lt;${el.tagName}&gt;</code></h2>
            ${list('Custom properties', el.cssProperties, (name) => name)}
            ${list('Parts', el.cssParts, (name) => `${el.tagName}::part(${name})`)}
            ${list('States', el.cssStates, (name) => `${el.tagName}:state(${name})`)}
          </section>`,
      )}
    </div>`,
} satisfies Meta;

export default meta;
type Story = StoryObj;

export const AllElements: Story = {
  name: 'All elements',
  play: async ({ canvasElement }) => {
    expect(ELEMENTS.length).toBeGreaterThanOrEqual(5);
    expect(canvasElement.querySelectorAll('section')).toHaveLength(ELEMENTS.length);
    // Every element documents at least its base part.
    for (const el of ELEMENTS) expect(el.cssParts?.length, el.tagName).toBeGreaterThan(0);
    // Descriptions are markdown: no raw backtick reaches the page.
    for (const dd of canvasElement.querySelectorAll('dd'))
      expect(dd.textContent, dd.textContent ?? '').not.toContain('`');
  },
};
