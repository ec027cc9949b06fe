import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { expect } from 'storybook/test';
import { registerTranslation } from '../src/controllers/localize.js';
import type { GzReadingTime } from '../src/components/reading-time/reading-time.component.js';
import '../src/components/reading-time/reading-time.js';
import { bodyHtml, headline, standfirst } from '../test/fixtures/article-de.js';

/** The attributes a CMS author writes; Controls set them as attributes, strings included. */
interface ReadingTimeArgs {
  for?: string;
  minutes?: number | string;
  'words-per-minute'?: number | string;
  label?: string;
}

// Gazette ships German and English terms; the Japanese story shows how a publisher adds a language.
registerTranslation({
  $code: 'ja',
  $name: '日本語',
  $dir: 'ltr',
  readingTimeShort: (minutes) => `${minutes}分で読めます`,
  readingTimeLong: (duration) => `読了時間：${duration}`,
});

/** One badge with the story's args; `target` is the id of the text it counts. */
function badge(args: ReadingTimeArgs, target?: string): TemplateResult {
  return html`<gz-reading-time
    for=${ifDefined(args.for || target)}
    minutes=${ifDefined(args.minutes)}
    words-per-minute=${ifDefined(args['words-per-minute'])}
    label=${ifDefined(args.label || undefined)}
  ></gz-reading-time>`;
}

/** The visible label of a badge, or `''` when it shows nothing. */
function labelText(el: GzReadingTime): string {
  return el.shadowRoot?.querySelector('[part~="label"]')?.textContent?.trim() ?? '';
}

async function badges(canvasElement: HTMLElement): Promise<GzReadingTime[]> {
  const all = [...canvasElement.querySelectorAll('gz-reading-time')];
  await Promise.all(all.map((el) => el.updateComplete));
  return all;
}

const ENGLISH_TITLE = 'A library that never closes: the night shift at Harbour Street';
const ENGLISH_BODY = html`
  <p>
    At half past eleven on a Tuesday, the reading room of the Harbour Street library is busier than most cafés in town.
    A nurse coming off a late shift is reading a crime novel by the window. Two students share a table covered in
    printouts, and an older man in a raincoat is working through the week's newspapers, one page at a time.
  </p>
  <p>
    The library began opening through the night eighteen months ago, first as a trial at weekends and then on every day
    of the week. The idea came from the staff, not from the council. Librarians had noticed that the queue at the door
    each morning included people who had nowhere warm to spend the hours before opening, and people whose working day
    simply did not fit the usual timetable.
  </p>
  <h2>“Who were we open for?”</h2>
  <p>
    “We kept asking who we were open for,” says the branch manager, who has worked in the building for twenty years.
    “The honest answer was: for people who are free between nine and five. That is not everyone, and it is less of the
    town every year.”
  </p>
  <p>
    Running a building at night is not cheap. Heating, lighting and two members of staff for each shift cost the library
    roughly as much as its whole budget for new books. The council agreed to the trial on the condition that visitors
    were counted every hour, and the figures have surprised even the supporters of the scheme: around a third of all
    visits now take place after eight in the evening.
  </p>
  <h2>Not everyone is convinced</h2>
  <p>
    Some residents of the street complained about noise in the first months, and a local councillor has asked whether
    the money would do more good in the branches whose hours were cut elsewhere. The manager does not dismiss the
    question. She points out, though, that many of the night visitors had never used a library before.
  </p>
  <p>
    Shortly after midnight, the nurse closes her book, returns it to the desk and borrows the next one in the series. “I
    read on the bus home now,” she says. “Before, I just looked at my phone.”
  </p>
  <p>
    The trial ends in the spring, when the council will decide whether to make the night opening permanent, and whether
    to try it in a second branch on the other side of the river.
  </p>
`;

const JAPANESE_TITLE = '北ドイツの風力発電：電気料金は本当に下がるのか';
const JAPANESE_BODY = html`
  <p>
    ドイツ北部のシュレースヴィヒ・ホルシュタイン州は、州内で使う量を上回る電力を風力で生み出している。しかし、家庭が支払う電気料金は国内でも高い水準にとどまっている。強い風が吹く日には送電網が電気を運びきれず、多くの風車が止められてしまうからだ。
  </p>
  <p>
    止められた風車の事業者には補償金が支払われ、その費用は最終的に利用者全体の料金に上乗せされる。州政府は新しい送電線の建設を急ぐとともに、電気を生み出す場所の近くで使う仕組みづくりを進めている。水素を製造する設備やデータセンター、ヒートポンプなどを風力発電所の近くに集めようという計画である。
  </p>
  <h2>地域ごとの料金をめぐる議論</h2>
  <p>
    州の担当者は「この土地で使う一キロワット時が、送電網の負担を減らし、すべての利用者の請求書を軽くする」と説明する。ただ、多くの計画はまだ構想の段階にあり、許認可の手続きや人手不足、補助金の行方など、課題は少なくない。
  </p>
  <p>
    地域ごとに異なる料金を設ける案も議論されている。経済学者の中には、送電網の実際の状況を反映した価格こそが投資を正しい場所へ導くと主張する人もいる。一方で、南部の産業界は電気代の上昇を懸念し、強く反対している。
  </p>
  <p>
    消費者団体は、約束された節約が本当に家庭に届くのかを注意深く見守る必要があると指摘する。新しい送電線がいつ完成するのか、その時期が料金の行方を大きく左右することになりそうだ。
  </p>
  <p>
    風の強い冬の夜、海沿いの堤防に立つと、回り続ける風車と止まったままの風車が並んで見える。その光景は、エネルギー転換がまだ道半ばであることを静かに物語っている。
  </p>
`;

/** Whole articles are long: on the docs page they scroll inside a frame of their own. */
const ARTICLE_PARAMETERS = { docs: { story: { inline: false, height: '420px' } } };

const meta = {
  title: 'Elements/Reading time',
  component: 'gz-reading-time',
  tags: ['autodocs'],
  argTypes: {
    for: { control: 'text' },
    minutes: { control: 'number' },
    'words-per-minute': { control: 'number' },
    label: { control: 'text' },
  },
  render: (args) => badge(args),
} satisfies Meta<ReadingTimeArgs>;

export default meta;
type Story = StoryObj<ReadingTimeArgs>;

/**
 * The German sample article (766 words): the badge counts the `<div>` its `for` names, in that
 * text's language, and shows `Lesezeit: 3 min`.
 */
export const German: Story = {
  parameters: ARTICLE_PARAMETERS,
  render: (args) => html`
    <article lang="de" style="max-inline-size: 42rem">
      <h1>${headline}</h1>
      <p><strong>${standfirst}</strong></p>
      <p>${badge(args, 'rt-german-body')}</p>
      <div id="rt-german-body">${unsafeHTML(bodyHtml)}</div>
    </article>
  `,
  play: async ({ canvasElement }) => {
    const [el] = await badges(canvasElement);
    await expect(el?.minutes).toBe(3);
    await expect(labelText(el!)).toBe('Lesezeit: 3 min');
  },
};

/** An English article: the badge reads `2 min read`, whatever the toolbar's language. */
export const English: Story = {
  parameters: ARTICLE_PARAMETERS,
  render: (args) => html`
    <article lang="en" style="max-inline-size: 42rem">
      <h1>${ENGLISH_TITLE}</h1>
      <p>${badge(args, 'rt-english-body')}</p>
      <div id="rt-english-body">${ENGLISH_BODY}</div>
    </article>
  `,
};

/**
 * Japanese is written without spaces: the badge counts characters (500 a minute) instead of
 * words. Its label comes from a Japanese translation that this story registers with
 * `registerTranslation`; Gazette itself ships German and English.
 */
export const Japanese: Story = {
  parameters: ARTICLE_PARAMETERS,
  render: (args) => html`
    <article lang="ja" style="max-inline-size: 42rem">
      <h1>${JAPANESE_TITLE}</h1>
      <p>${badge(args, 'rt-japanese-body')}</p>
      <div id="rt-japanese-body">${JAPANESE_BODY}</div>
    </article>
  `,
};

/**
 * The German article eight times over (about 6,100 words, 26 minutes). The text is German, but the
 * badge speaks the language of the page around it: switch the toolbar's locale to see it change.
 */
export const LongBody: Story = {
  name: 'Long body',
  render: (args) => html`
    <section style="max-inline-size: 42rem">
      <p>${badge(args, 'rt-long-body')}</p>
      <details>
        <summary>Artikeltext (achtfach)</summary>
        <div id="rt-long-body" lang="de">${unsafeHTML(bodyHtml.repeat(8))}</div>
      </details>
    </section>
  `,
  play: async ({ canvasElement }) => {
    const [el] = await badges(canvasElement);
    await expect(el?.minutes).toBe(26);
  },
};

/** `minutes` shows a time the CMS already knows, without counting anything. */
export const ExplicitMinutes: Story = {
  name: 'Explicit minutes',
  args: { minutes: 7 },
  play: async ({ canvasElement }) => {
    const [el] = await badges(canvasElement);
    await expect(el?.minutes).toBe(7);
  },
};

/**
 * `label` replaces the default text (`{minutes}` is the number); the default slot replaces the
 * visible label altogether. Screen readers still hear the long form ("Lesezeit: 4 Minuten").
 */
export const LabelAndSlot: Story = {
  name: 'Label and slot',
  args: { minutes: 4, label: 'Lesedauer: {minutes} Min.' },
  render: (args) => html`
    <p>${badge(args)}</p>
    <p><gz-reading-time minutes="4">⏱ 4′</gz-reading-time></p>
  `,
};

const BAD_BODY = html`<p id="rt-bad-body" lang="de">
  Der Landtag hat am Donnerstag über die Netzentgelte beraten. Eine Entscheidung soll im Frühjahr fallen.
</p>`;

/**
 * Authoring mistakes: each badge warns once on the console and still shows something sensible,
 * the default speed, the counted time, or nothing at all, never `NaN`.
 */
export const BadInput: Story = {
  name: 'Bad input',
  render: () => html`
    ${BAD_BODY}
    <dl>
      <dt><code>words-per-minute="abc"</code></dt>
      <dd><gz-reading-time for="rt-bad-body" words-per-minute="abc"></gz-reading-time></dd>
      <dt><code>for="no-such-element" words-per-minute="abc"</code></dt>
      <dd><gz-reading-time for="no-such-element" words-per-minute="abc"></gz-reading-time></dd>
      <dt><code>minutes="soon"</code></dt>
      <dd><gz-reading-time for="rt-bad-body" minutes="soon"></gz-reading-time></dd>
      <dt><code>for="no-such-element" minutes="4" words-per-minute="-5"</code></dt>
      <dd><gz-reading-time for="no-such-element" minutes="4" words-per-minute="-5"></gz-reading-time></dd>
    </dl>
  `,
  play: async ({ canvasElement }) => {
    const [badSpeed, noTarget, badMinutes, givenMinutes] = await badges(canvasElement);
    for (const el of [badSpeed, noTarget, badMinutes, givenMinutes]) {
      await expect(labelText(el!)).not.toMatch(/NaN|Infinity|undefined|null/);
    }
    await expect(badSpeed?.minutes).toBe(1);
    await expect(noTarget?.minutes).toBeUndefined();
    await expect(labelText(noTarget!)).toBe('');
    await expect(badMinutes?.minutes).toBe(1);
    await expect(givenMinutes?.minutes).toBe(4);
  },
};
