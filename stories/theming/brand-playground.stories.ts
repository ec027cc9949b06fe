import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import * as articleDe from '../../test/fixtures/article-de.js';
import { articlePage } from '../pages/page.js';
import { teasersDe } from '../pages/sample-teasers.js';
import './theming.css';
import { contrast } from '../../test/contrast.js';

/** Font stacks to choose from: each ends in fonts that exist on Linux, macOS and Windows. */
const FONTS = {
  'Serif (Georgia)': "Georgia, 'Times New Roman', 'Liberation Serif', 'DejaVu Serif', serif",
  'Sans (system UI)': "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, 'Liberation Sans', sans-serif",
  'Sans (Helvetica, Arial)': "'Helvetica Neue', Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif",
  'Condensed sans': "'Arial Narrow', 'Liberation Sans Narrow', 'Helvetica Neue', Arial, sans-serif",
  'Slab / mono': "'Courier New', 'Liberation Mono', 'DejaVu Sans Mono', monospace",
} as const;
type FontName = keyof typeof FONTS;

/** The default sizes of the space scale (rem), multiplied by the "spacing scale" control. */
const SPACE = { '3xs': 0.125, '2xs': 0.25, xs: 0.5, s: 0.75, m: 1, l: 1.5, xl: 2, '2xl': 3 } as const;

interface PlaygroundArgs {
  accent: string;
  headingFont: FontName;
  bodyFont: FontName;
  radius: number;
  spacing: number;
}

const isHex = (value: string) => /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(value);
/** The colour picker may give rgb()/hsl(): any CSS colour works, contrast is computed for hex. */
const validColour = (value: string) => (CSS.supports('color', value) ? value : '#b0231b');
const rem = (value: number) => `${Number(value.toFixed(3))}rem`;

/** The token declarations for the args, one per line. */
function declarationsFor(args: PlaygroundArgs): [string, string][] {
  const accent = validColour(args.accent);
  const onAccent = !isHex(accent) || contrast(accent, '#ffffff') >= contrast(accent, '#1a1a1a') ? '#ffffff' : '#1a1a1a';
  return [
    ['--gz-color-accent', accent],
    ['--gz-color-on-accent', onAccent],
    ['--gz-font-heading', FONTS[args.headingFont] ?? FONTS['Sans (system UI)']],
    ['--gz-font-body', FONTS[args.bodyFont] ?? FONTS['Serif (Georgia)']],
    ['--gz-radius-s', rem(args.radius / 2)],
    ['--gz-radius-m', rem(args.radius)],
    ...Object.entries(SPACE).map(([step, size]): [string, string] => [`--gz-space-${step}`, rem(size * args.spacing)]),
  ];
}

/** The stylesheet a publisher would add: unlayered, so it wins over Gazette's layers. */
function cssFor(args: PlaygroundArgs): string {
  const lines = declarationsFor(args).map(([name, value]) => `  ${name}: ${value};`);
  return `/* My brand: load after Gazette's theme files (unlayered rules win over gazette.* layers). */\n:root {\n${lines.join('\n')}\n}\n`;
}

async function copy(event: Event): Promise<void> {
  const panel = (event.currentTarget as HTMLElement).closest('.playground')!;
  const textarea = panel.querySelector('textarea')!;
  const status = panel.querySelector('[role="status"]')!;
  try {
    if (!navigator.clipboard) throw new Error('no clipboard');
    await navigator.clipboard.writeText(textarea.value);
    status.textContent = 'Copied the CSS to the clipboard.';
  } catch {
    // No clipboard (an insecure page, a denied permission): show the CSS, selected, to copy by hand.
    textarea.hidden = false;
    textarea.focus();
    textarea.select();
    status.textContent = 'The clipboard is not available here: the CSS is selected below, copy it with Ctrl+C / ⌘C.';
  }
}

/**
 * Try a brand without code: the controls set the main tokens (accent colour, heading and body
 * fonts, corner radius, spacing scale) on the full German reference page, live. "Copy CSS" copies
 * the stylesheet that gives a publisher's page the same look. The playground starts from the light
 * theme whatever the toolbar says (its accent is checked against the white page), so a dark
 * toolbar theme cannot pair a brand's light-page accent with a dark background.
 */
const meta = {
  title: 'Theming/Brand playground',
  parameters: { layout: 'fullscreen' },
  argTypes: {
    accent: { control: 'color', description: 'Accent colour: section labels, kickers, rules, buttons' },
    headingFont: { control: 'select', options: Object.keys(FONTS), description: 'Headline and subheading font' },
    bodyFont: { control: 'select', options: Object.keys(FONTS), description: 'Running text font' },
    radius: { control: { type: 'range', min: 0, max: 1.5, step: 0.125 }, description: 'Corner radius (rem)' },
    spacing: { control: { type: 'range', min: 0.75, max: 1.5, step: 0.05 }, description: 'Spacing scale factor' },
  },
  args: {
    accent: '#00594f',
    headingFont: 'Condensed sans',
    bodyFont: 'Serif (Georgia)',
    radius: 0.75,
    spacing: 1,
  },
  render: (args) => {
    const style = declarationsFor(args)
      .map(([name, value]) => `${name}: ${value};`)
      .join(' ');
    const ratio = isHex(args.accent) ? contrast(args.accent, '#ffffff') : undefined;
    return html`<div
      class="brand-playground gz-theme-light"
      style="${style} background: var(--gz-color-background); color: var(--gz-color-text);"
    >
      <div class="gz-docs playground" lang="en" dir="ltr">
        <p>
          ${
            ratio === undefined
              ? 'Pick a hex colour to see its contrast on white.'
              : html`Accent on white:
                  <strong>${ratio.toFixed(2)}:1</strong>
                  ${ratio >= 4.5 ? '(passes WCAG AA for text)' : '(fails WCAG AA for text: choose a darker accent)'}`
          }
        </p>
        <button type="button" @click=${copy}>Copy CSS</button>
        <span role="status"></span>
        <textarea id="playground-css" readonly rows="18" hidden aria-label="Your brand's CSS">${cssFor(args)}</textarea>
      </div>
      ${articlePage('de', articleDe, teasersDe, 'playground-body')}
    </div>`;
  },
} satisfies Meta<PlaygroundArgs>;

export default meta;
type Story = StoryObj<PlaygroundArgs>;

export const Playground: Story = {
  play: async ({ canvasElement, args }) => {
    const header = canvasElement.querySelector('gz-article-header')!;
    await header.updateComplete;
    // The controls reach the elements: the accent token is the chosen colour inside the page.
    expect(getComputedStyle(header).getPropertyValue('--gz-color-accent').trim()).toBe(args.accent);
    // The copied CSS is a stylesheet with every declaration.
    const textarea = canvasElement.querySelector('textarea')!;
    expect(textarea.value).toContain(`--gz-color-accent: ${args.accent};`);
    expect(textarea.value).toContain('--gz-space-m: 1rem;');
  },
};

/**
 * "Copy CSS" on a page without a clipboard (an insecure origin, a denied permission): the CSS
 * shows in a selected textarea with instructions. The story removes `navigator.clipboard` while it
 * clicks (the Playground story does not click, so opening it never touches a designer's clipboard).
 */
export const CopyWithoutClipboard: Story = {
  name: 'Copy CSS without a clipboard',
  play: async ({ canvasElement }) => {
    const textarea = canvasElement.querySelector('textarea')!;
    expect(textarea.hidden).toBe(true);
    Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
    try {
      await userEvent.click(canvasElement.querySelector('.playground button')!);
      const status = canvasElement.querySelector('.playground [role="status"]')!;
      await waitFor(() => expect(status.textContent).toContain('not available'));
      expect(textarea.hidden).toBe(false);
      expect(textarea.selectionEnd - textarea.selectionStart).toBe(textarea.value.length);
    } finally {
      // The own property shadowed Navigator.prototype's getter; removing it restores the clipboard.
      delete (navigator as { clipboard?: Clipboard }).clipboard;
    }
  },
};
