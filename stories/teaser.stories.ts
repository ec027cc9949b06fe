import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect } from 'storybook/test';
import type { GzTeaser } from '../src/components/teaser/teaser.component.js';
import '../src/components/teaser/teaser.js';
import finanzen from './assets/teaser/finanzen.svg?no-inline';

/** The attributes a CMS author writes. */
interface TeaserArgs {
  href?: string;
  brand?: string;
  section?: string;
  date?: string;
  relative?: boolean;
  image?: string;
  'image-alt'?: string;
  'heading-level'?: number;
  'excerpt-lines'?: number;
}

const TITLE =
  'Bayer-Aktie springt nach Glyphosat-Vergleich um 13 Prozent: Anleger hoffen auf das Ende der Klagewelle in den USA';
const EXCERPT =
  'Der Leverkusener Konzern will mit einem Vergleich über 7,25 Milliarden Dollar künftige Klagen bündeln. Analysten sprechen von einem Befreiungsschlag, doch die Gerichte müssen noch zustimmen.';

const meta = {
  title: 'Elements/Teaser',
  component: 'gz-teaser',
  tags: ['autodocs'],
  argTypes: {
    href: { control: 'text' },
    brand: { control: 'text' },
    section: { control: 'text' },
    date: { control: 'text' },
    relative: { control: 'boolean' },
    image: { control: 'text' },
    'image-alt': { control: 'text' },
    'heading-level': { control: 'number' },
    'excerpt-lines': { control: 'number' },
  },
  args: { href: 'https://dwn.example/finanzen/bayer', brand: 'DWN', section: 'Finanzen', date: '2026-02-17' },
  // The sample teaser is German content: it stays German whatever the toolbar's language.
  render: (args) =>
    html`<div lang="de" style="max-inline-size: 24rem">
      <gz-teaser
        href=${ifDefined(args.href)}
        brand=${ifDefined(args.brand)}
        section=${ifDefined(args.section)}
        date=${ifDefined(args.date)}
        ?relative=${args.relative ?? false}
        image=${ifDefined(args.image)}
        image-alt=${ifDefined(args['image-alt'])}
        heading-level=${ifDefined(args['heading-level'])}
        excerpt-lines=${ifDefined(args['excerpt-lines'])}
        ><span slot="title">${TITLE}</span>${EXCERPT}</gz-teaser
      >
    </div>`,
} satisfies Meta<TeaserArgs>;

export default meta;
type Story = StoryObj<TeaserArgs>;

/** One teaser as on the reference page: brand, category, title, `17.02.2026`, excerpt. The whole card is one link. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector<GzTeaser>('gz-teaser')!;
    await el.updateComplete;
    await expect(el.shadowRoot!.querySelectorAll('a')).toHaveLength(1);
    await expect(el.shadowRoot!.querySelector('[part~=date]')?.textContent?.trim()).toBe('17.02.2026');
  },
};

/** With an image: lazy, decoded asynchronously, its 16:9 box reserved. */
export const WithImage: Story = {
  name: 'With image',
  args: { image: finanzen, 'image-alt': '' },
};

/** Two lines of excerpt instead of three. */
export const TwoLines: Story = {
  name: 'Two excerpt lines',
  args: { 'excerpt-lines': 2 },
};
