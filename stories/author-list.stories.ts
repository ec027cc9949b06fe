import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect } from 'storybook/test';
import type { GzAuthorList } from '../src/components/author-list/author-list.component.js';
import '../src/components/author-list/author-list.js';
import portrait from '../demo/authors/virgil-zolyom.svg?url&no-inline';
import * as author from '../test/fixtures/author-card/author-de.js';

interface AuthorListArgs {
  'no-cards'?: boolean;
}

const meta = {
  title: 'Elements/Author list',
  component: 'gz-author-list',
  tags: ['autodocs'],
  args: { 'no-cards': false },
  render: (args) =>
    html`<div style="max-inline-size: 40rem">
      <gz-author-list ?no-cards=${args['no-cards']}>
        <gz-author-card name=${author.name} href="/autoren/virgil-zolyom" image=${portrait} job-title=${author.jobTitle}
          ><p>${author.bio}</p></gz-author-card
        >
        <gz-author-card name="Anna Berg" href="/autoren/anna-berg" job-title="Wirtschaftsredaktion"
          ><p>Anna Berg schreibt über Industrie, Häfen und den Mittelstand im Norden.</p></gz-author-card
        >
        <gz-author-card name="Jonas van der Meer" job-title="Volontär"
          ><p>Jonas van der Meer ist Volontär in der Landesredaktion.</p></gz-author-card
        >
      </gz-author-list>
    </div>`,
} satisfies Meta<AuthorListArgs>;

export default meta;
type Story = StoryObj<AuthorListArgs>;

async function list(canvasElement: HTMLElement): Promise<GzAuthorList> {
  const el = canvasElement.querySelector('gz-author-list')!;
  await el.updateComplete;
  return el;
}

/**
 * Three authors: one byline, "Von Virgil Zólyom, Anna Berg und Jonas van der Meer" in German,
 * "By …, … and …" in English (`Intl.ListFormat`), each name linked, and the three cards below.
 */
export const ThreeAuthors: Story = {
  name: 'Three authors',
  play: async ({ canvasElement }) => {
    const el = await list(canvasElement);
    await expect(el.names).toEqual([author.name, 'Anna Berg', 'Jonas van der Meer']);
  },
};

/** The byline alone (`no-cards`), for the top of an article. */
export const BylineOnly: Story = {
  name: 'Byline only',
  args: { 'no-cards': true },
};

/** An English page: "By Virgil Zólyom, Anna Berg, and Jonas van der Meer". */
export const English: Story = {
  decorators: [(story) => html`<div lang="en">${story()}</div>`],
};
