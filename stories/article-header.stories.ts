import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect } from 'storybook/test';
import type { GzArticleHeader } from '../src/components/article-header/article-header.component.js';
import '../src/components/article-header/article-header.js';
import { headline, published, section, standfirst } from '../test/fixtures/article-de.js';

/** The attributes a CMS author writes; Controls set them as attributes. */
interface HeaderArgs {
  section?: string;
  'section-href'?: string;
  kicker?: string;
  'kicker-label'?: string;
  published?: string;
  updated?: string;
  'time-zone'?: string;
  relative?: boolean;
  'relative-hours'?: number | string;
  'reading-time-for'?: string;
  'no-reading-time'?: boolean;
}

/** One header with the story's args around the given headline and standfirst. */
function header(args: HeaderArgs, title: TemplateResult, lead?: TemplateResult): TemplateResult {
  return html`<gz-article-header
    section=${ifDefined(args.section || undefined)}
    section-href=${ifDefined(args['section-href'] || undefined)}
    kicker=${ifDefined(args.kicker || undefined)}
    kicker-label=${ifDefined(args['kicker-label'] || undefined)}
    published=${ifDefined(args.published || undefined)}
    updated=${ifDefined(args.updated || undefined)}
    time-zone=${ifDefined(args['time-zone'] || undefined)}
    ?relative=${args.relative ?? false}
    relative-hours=${ifDefined(args['relative-hours'] ?? undefined)}
    reading-time-for=${ifDefined(args['reading-time-for'] || undefined)}
    ?no-reading-time=${args['no-reading-time'] ?? false}
  >
    ${title} ${lead ?? ''}
  </gz-article-header>`;
}

const germanHeadline = html`<h1>${headline}</h1>`;
const germanStandfirst = html`<p slot="standfirst">${standfirst}</p>`;

/** A short German body, so the reading time has something to count. */
const GERMAN_BODY = html`<div id="ah-body" lang="de" hidden>
  ${Array.from(
    { length: 24 },
    () =>
      html`<p>
        Wer an einem stürmischen Herbsttag über die Deiche bei Husum fährt, sieht Hunderte Rotoren, die sich drehen, und
        einige, die stillstehen. Die stehenden Anlagen sind kein Defekt, sondern ein Symptom.
      </p>`,
  )}
</div>`;

const ENGLISH_HEADLINE = 'Night trains return: can sleeper services win back the business traveller?';
const ENGLISH_STANDFIRST =
  'Europe’s rail operators are reviving overnight routes that were cut a decade ago, betting that travellers ' +
  'will trade a short flight for a bed and a city-centre arrival. The early figures are encouraging, but the ' +
  'timetables, the prices and the rolling stock still stand in the way.';

const ARABIC_SECTION = 'سياسة';
const ARABIC_HEADLINE = 'طاقة الرياح في الشمال: هل تخفض المزارع الجديدة فواتير الكهرباء حقاً؟';
const ARABIC_STANDFIRST =
  'تنتج ولاية شليسفيغ هولشتاين من طاقة الرياح أكثر مما تستهلك، لكن الأسر ما زالت تدفع بعضاً من أعلى رسوم الشبكة ' +
  'في البلاد. وتعد حكومة الولاية بتخفيف ملموس عبر خطوط جديدة وتعرفات إقليمية.';

/** ISO 8601 for a moment `minutes` before now: stories about "today" stay about today. */
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

async function headers(canvasElement: HTMLElement): Promise<GzArticleHeader[]> {
  const all = [...canvasElement.querySelectorAll('gz-article-header')];
  await Promise.all(all.map((el) => el.updateComplete));
  return all;
}

/** The visible text of a header's publication or update time. */
function dateText(el: GzArticleHeader, kind: 'published' | 'updated' = 'published'): string {
  return el.shadowRoot?.querySelector(`time[part~="${kind}"] [aria-hidden]`)?.textContent?.trim() ?? '';
}

const meta = {
  title: 'Elements/Article header',
  component: 'gz-article-header',
  tags: ['autodocs'],
  argTypes: {
    section: { control: 'text' },
    'section-href': { control: 'text' },
    kicker: { control: 'select', options: ['', 'live', 'analysis', 'opinion'] },
    'kicker-label': { control: 'text' },
    published: { control: 'text' },
    updated: { control: 'text' },
    'time-zone': { control: 'text' },
    relative: { control: 'boolean' },
    'relative-hours': { control: 'number' },
    'reading-time-for': { control: 'text' },
    'no-reading-time': { control: 'boolean' },
  },
  args: { section, published, 'time-zone': 'Europe/Berlin' },
  render: (args) => html`<div style="max-inline-size: 44rem">${header(args, germanHeadline, germanStandfirst)}</div>`,
} satisfies Meta<HeaderArgs>;

export default meta;
type Story = StoryObj<HeaderArgs>;

/**
 * The reference page's header: section `Politik`, the headline as the publisher's own `<h1>`, the
 * standfirst, `17.11.2024, 16:03` (in Berlin time) and the reading time of the body it names.
 */
export const Reference: Story = {
  name: 'Reference (German)',
  args: { 'reading-time-for': 'ah-body' },
  render: (args) => html`
    <article lang="de" style="max-inline-size: 44rem">
      ${header(args, germanHeadline, germanStandfirst)} ${GERMAN_BODY}
    </article>
  `,
  play: async ({ canvasElement }) => {
    const [el] = await headers(canvasElement);
    await expect(dateText(el!)).toBe('17.11.2024, 16:03');
  },
};

/** The same element in an English article: `17 Nov 2024, 16:03`, tooltip "Sunday, 17 November 2024 at 16:03". */
export const English: Story = {
  args: { section: 'Transport', published: '2024-11-17T16:03:00Z', 'time-zone': 'Europe/London' },
  render: (args) => html`
    <article lang="en" style="max-inline-size: 44rem">
      ${header(args, html`<h1>${ENGLISH_HEADLINE}</h1>`, html`<p slot="standfirst">${ENGLISH_STANDFIRST}</p>`)}
    </article>
  `,
  play: async ({ canvasElement }) => {
    const [el] = await headers(canvasElement);
    await expect(dateText(el!)).toBe('17 Nov 2024, 16:03');
  },
};

/**
 * A live blog: the `live` kicker before the section, the headline an `<h2>` (the page has its own
 * `<h1>`), times relative while they are fresh.
 */
export const LiveKicker: Story = {
  name: 'Live kicker',
  render: (args) => html`
    <div style="max-inline-size: 44rem">
      ${header(
        { ...args, kicker: 'live', section: 'Landtagswahl', published: minutesAgo(95), relative: true },
        html`<h2>Landtag in Kiel: Die Abstimmung über das Netzpaket im Liveblog</h2>`,
      )}
    </div>
  `,
};

/** The other kickers, `analysis` and `opinion`, drawn as outlines. */
export const Kickers: Story = {
  render: (args) => html`
    <div style="display: grid; gap: var(--gz-space-xl); max-inline-size: 44rem">
      ${header({ ...args, kicker: 'analysis' }, html`<h2>Warum der Norden für seinen eigenen Strom mehr zahlt</h2>`)}
      ${header({ ...args, kicker: 'opinion' }, html`<h2>Regionale Strompreise wären nur gerecht</h2>`)}
    </div>
  `,
};

/**
 * Published this morning and updated 20 minutes ago: the update shows, labelled "Aktualisiert:",
 * beside the publication time, which stays.
 */
export const UpdatedToday: Story = {
  name: 'Updated today',
  render: (args) => html`
    <div style="max-inline-size: 44rem">
      ${header(
        { ...args, published: minutesAgo(180), updated: minutesAgo(20), 'time-zone': undefined },
        germanHeadline,
        germanStandfirst,
      )}
    </div>
  `,
  play: async ({ canvasElement }) => {
    const [el] = await headers(canvasElement);
    // "Aktualisiert: …" or "Updated: …", as the toolbar's language says.
    await expect(dateText(el!, 'updated')).toMatch(/^(Aktualisiert|Updated): /);
    await expect(el!.matches(':state(updated)')).toBe(true);
  },
};

/**
 * `relative`: "vor 2 Stunden" for dates younger than `relative-hours` (24), refreshed once a
 * minute while the header is on screen; the tooltip keeps the full date.
 */
export const RelativeTime: Story = {
  name: 'Relative time',
  render: (args) => html`
    <div style="max-inline-size: 44rem">
      ${header(
        { ...args, published: minutesAgo(125), relative: true, 'time-zone': undefined },
        germanHeadline,
        germanStandfirst,
      )}
    </div>
  `,
  play: async ({ canvasElement }) => {
    const [el] = await headers(canvasElement);
    await expect(dateText(el!)).toMatch(/^(vor 2 Stunden|2 hours ago)$/);
    await expect(el!.matches(':state(relative)')).toBe(true);
  },
};

/**
 * An Arabic article, right to left: section, headline and standfirst follow the page. Gazette has
 * no Arabic terms, so the dateline speaks English, left to right, inside the right-to-left layout
 * (register an Arabic translation with `registerTranslation` to change that).
 */
export const RightToLeft: Story = {
  name: 'RTL (Arabic)',
  render: (args) => html`
    <article lang="ar" dir="rtl" style="max-inline-size: 44rem">
      ${header(
        { ...args, section: ARABIC_SECTION, 'section-href': '/ar/politics', kicker: 'analysis' },
        html`<h1>${ARABIC_HEADLINE}</h1>`,
        html`<p slot="standfirst">${ARABIC_STANDFIRST}</p>`,
      )}
    </article>
  `,
};

/** A 48-character compound as section and a long compound headline in a 14rem column: they break, not overflow. */
export const LongCompoundWords: Story = {
  name: 'Long compound words',
  args: { section: 'Bundesverfassungsgerichtsentscheidungsbegründung', kicker: 'analysis' },
  render: (args) => html`
    <div lang="de" style="inline-size: 14rem; border: 1px dashed var(--gz-color-border); padding: var(--gz-space-xs)">
      ${header(
        args,
        html`<h1>Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichen</h1>`,
        html`<p slot="standfirst">Grundstücksverkehrsgenehmigungszuständigkeitsübertragungsverordnung geändert.</p>`,
      )}
    </div>
  `,
  play: async ({ canvasElement }) => {
    const [el] = await headers(canvasElement);
    const part = el!.shadowRoot!.querySelector<HTMLElement>('[part~="section"]')!;
    await expect(part.scrollWidth).toBeLessThanOrEqual(part.clientWidth);
  },
};

/** The dark theme (`class="gz-theme-dark"` on a region): only the colours change. */
export const Dark: Story = {
  args: { kicker: 'live', updated: '2024-11-18T09:15:00+01:00' },
  render: (args) => html`
    <div
      class="gz-theme-dark"
      style="max-inline-size: 44rem; padding: var(--gz-space-l); background: var(--gz-color-background); color: var(--gz-color-text)"
    >
      ${header(args, germanHeadline, germanStandfirst)}
    </div>
  `,
};

/** Richer section markup in the `section` slot: here a breadcrumb of two links. */
export const SectionSlot: Story = {
  name: 'Section slot',
  render: (args) => html`
    <div style="max-inline-size: 44rem">
      ${header(
        args,
        html`<span slot="section"><a href="/politik">Politik</a> › <a href="/politik/kiel">Kiel</a></span>
          <h1>${headline}</h1>`,
      )}
    </div>
  `,
};

/**
 * Authoring mistakes: each header warns once on the console and renders sensibly: no date for a
 * bad `published`, the update ignored when earlier, the reader's zone for an unknown zone, plain
 * text for a `javascript:` section link, no kicker for an unknown one.
 */
export const BadInput: Story = {
  name: 'Bad input',
  render: () => html`
    <div style="display: grid; gap: var(--gz-space-xl); max-inline-size: 44rem">
      ${header({ section: 'Politik', published: '17.11.2024 16:03' }, html`<h2>published="17.11.2024 16:03"</h2>`)}
      ${header(
        { section: 'Politik', published, updated: '2024-11-16T09:00:00+01:00' },
        html`<h2>updated earlier than published</h2>`,
      )}
      ${header({ section: 'Politik', published, 'time-zone': 'Mars/Olympus_Mons' }, html`<h2>time-zone="Mars/…"</h2>`)}
      ${header(
        { section: 'Politik', 'section-href': ' JavaScript:alert(1)', kicker: 'breaking', published },
        html`<h2>section-href="javascript:…", kicker="breaking"</h2>`,
      )}
    </div>
  `,
  play: async ({ canvasElement }) => {
    const [badDate, earlier, , badLink] = await headers(canvasElement);
    await expect(badDate!.shadowRoot!.querySelector('time')).toBeNull();
    await expect(badDate!.shadowRoot!.textContent).not.toMatch(/Invalid Date|NaN/);
    await expect(earlier!.shadowRoot!.querySelector('time[part~="updated"]')).toBeNull();
    await expect(badLink!.shadowRoot!.querySelector('a')).toBeNull();
  },
};
