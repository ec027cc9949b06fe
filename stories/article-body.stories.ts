import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { expect } from 'storybook/test';
import type { GzArticleBody } from '../src/components/article-body/article-body.component.js';
import '../src/components/article-body/article-body.js';
import '../src/components/reading-time/reading-time.js';
import { bodyHtml, headline, standfirst } from '../test/fixtures/article-de.js';

/** The attributes a CMS author writes. */
interface ArticleBodyArgs {
  toc?: boolean;
  anchors?: boolean;
  progress?: boolean;
  'no-repair-spacing'?: boolean;
  'toc-label'?: string;
}

/** Whole articles are long: on the docs page they scroll inside a frame of their own. */
const ARTICLE_PARAMETERS = { docs: { story: { inline: false, height: '480px' } } };

/** A body with the story's args around server-rendered content (the fixture stands in for the CMS). */
function articleBody(args: ArticleBodyArgs, content: TemplateResult, id?: string): TemplateResult {
  return html`<gz-article-body
    id=${id ?? ''}
    ?toc=${args.toc}
    ?anchors=${args.anchors}
    ?progress=${args.progress}
    ?no-repair-spacing=${args['no-repair-spacing']}
    toc-label=${args['toc-label'] ?? ''}
    >${content}</gz-article-body
  >`;
}

async function bodies(canvasElement: HTMLElement): Promise<GzArticleBody[]> {
  const all = [...canvasElement.querySelectorAll('gz-article-body')];
  await Promise.all(all.map((el) => el.updateComplete));
  return all;
}

const ENGLISH_BODY = html`
  <p>
    At half past eleven on a Tuesday, the reading room of the Harbour Street library is busier than most cafés in town.
    A nurse coming off a late shift is reading a crime novel by the window, and two students share a table covered in
    printouts.
  </p>
  <figure>
    <img
      alt="The reading room at night: long tables under green lamps, a few readers, rain on the tall windows."
      width="1200"
      height="600"
      src="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 1200 600'%3E%3Crect width='1200' height='600' fill='%23334a3f'/%3E%3Ccircle cx='300' cy='200' r='60' fill='%23e8d48a'/%3E%3Ccircle cx='900' cy='200' r='60' fill='%23e8d48a'/%3E%3C/svg%3E"
    />
    <figcaption>The reading room at 23:40. <small class="credit">Photo: Gazette</small></figcaption>
  </figure>
  <h2>Who comes after dark</h2>
  <p>
    The library began opening through the night eighteen months ago, first as a trial at weekends and then on every day
    of the week. The idea came from the staff, not from the council.
  </p>
  <aside class="pullquote">
    <p>“People told us they had nowhere warm to spend the hours before work. So we stayed open.”</p>
    <cite>Head librarian</cite>
  </aside>
  <p>
    Visits between midnight and six now run at about 1,300 a week, and the council expects the figure to pass 100,000 a
    year by the spring. Most visitors stay for less than an hour.
  </p>
  <h3>The numbers</h3>
  <table>
    <caption>
      Night visits per week
    </caption>
    <thead>
      <tr>
        <th scope="col">Month</th>
        <th scope="col">Weekdays</th>
        <th scope="col">Weekends</th>
        <th scope="col">Total</th>
      </tr>
    </thead>
    <tbody>
      <tr>
        <td>January</td>
        <td>640</td>
        <td>410</td>
        <td>1,050</td>
      </tr>
      <tr>
        <td>February</td>
        <td>720</td>
        <td>455</td>
        <td>1,175</td>
      </tr>
      <tr>
        <td>March</td>
        <td>805</td>
        <td>495</td>
        <td>1,300</td>
      </tr>
    </tbody>
  </table>
  <h2>What it costs</h2>
  <ul>
    <li>Two staff on every night shift, paid at the night rate.</li>
    <li>Heating and lighting for the ground floor only.</li>
    <li>A security guard from Thursday to Sunday.</li>
  </ul>
  <blockquote>
    <p>“The cost per visit is lower at night than it is on a Saturday afternoon,” the council’s report says.</p>
  </blockquote>
`;

const RTL_BODY = html`
  <p>
    في ليلة عاصفة من ليالي الخريف، تدور مئات التوربينات على السواحل الشمالية، بينما يقف بعضها ساكناً لأن الشبكة لا تستطيع
    نقل الكهرباء.
  </p>
  <h2>لماذا يدفع الشمال أكثر ثمن كهربائه</h2>
  <p>تتوزع تكاليف الشبكات الجديدة على سكان المنطقة نفسها، فيدفع الأقل عدداً الفاتورة الأكبر.</p>
  <blockquote><p>«كل كيلوواط ساعة نستهلكه هنا يخفف العبء عن الشبكة»، قال وزير الطاقة.</p></blockquote>
  <ul>
    <li>خطوط نقل جديدة</li>
    <li>تعرفات إقليمية</li>
  </ul>
`;

const meta = {
  title: 'Elements/Article body',
  component: 'gz-article-body',
  tags: ['autodocs'],
  argTypes: {
    toc: { control: 'boolean' },
    anchors: { control: 'boolean' },
    progress: { control: 'boolean' },
    'no-repair-spacing': { control: 'boolean' },
    'toc-label': { control: 'text' },
  },
  // No lang of its own: the article speaks the toolbar's locale (its text stays the German sample).
  render: (args) => html`<article>${articleBody(args, html`${unsafeHTML(bodyHtml)}`)}</article>`,
} satisfies Meta<ArticleBodyArgs>;

export default meta;
type Story = StoryObj<ArticleBodyArgs>;

/**
 * The reference-shaped German article: 766 words in 12 paragraphs under 4 subheadings, „…“ quotes,
 * `13.000` and `1,3 Millionen`, and the CMS's `sollen<a>Trassen</a>`, which gets its space back.
 * The reading-time badge above it finds the body in the article and reads `Lesezeit: 3 min`.
 */
export const German: Story = {
  parameters: ARTICLE_PARAMETERS,
  render: (args) => html`
    <article lang="de">
      <h1 style="font-family: var(--gz-font-heading)">${headline}</h1>
      <p><strong>${standfirst}</strong></p>
      <p><gz-reading-time></gz-reading-time></p>
      ${articleBody(args, html`${unsafeHTML(bodyHtml)}`)}
    </article>
  `,
  play: async ({ canvasElement }) => {
    const [el] = await bodies(canvasElement);
    const badge = canvasElement.querySelector('gz-reading-time')!;
    await new Promise(requestAnimationFrame);
    await badge.updateComplete;
    await expect(el!.words).toBe(767);
    await expect(badge.minutes).toBe(3);
    await expect(el!.textContent).toContain('sollen Trassen');
  },
};

/** An English article with a figure, a credit, a pull quote, a list, a quote and a table that scrolls. */
export const English: Story = {
  parameters: ARTICLE_PARAMETERS,
  render: (args) => html`<article lang="en">${articleBody(args, ENGLISH_BODY)}</article>`,
};

/** `toc` lists the h2 and h3 subheadings above the text; `anchors` adds a link to each for sharing. */
export const TableOfContents: Story = {
  name: 'Table of contents',
  parameters: ARTICLE_PARAMETERS,
  args: { toc: true, anchors: true },
  play: async ({ canvasElement }) => {
    const [el] = await bodies(canvasElement);
    const links = el!.shadowRoot!.querySelectorAll('nav[part="toc"] a');
    await expect(links.length).toBe(4);
  },
};

/**
 * A publisher's ad slot and newsletter box, placed after paragraphs 3 and 8 with `insert-after`
 * without touching the CMS HTML. Their text does not count as the article's.
 */
export const InsertionPoints: Story = {
  name: 'Insertion points',
  parameters: ARTICLE_PARAMETERS,
  render: (args) => html`
    <article>
      ${articleBody(
        args,
        html`<aside
            insert-after="3"
            aria-label="Anzeige"
            style="padding: 1rem; border: 1px dashed var(--gz-color-border); font-family: var(--gz-font-ui)"
          >
            Anzeige
          </aside>
          <section
            insert-after="8"
            aria-label="Newsletter"
            style="padding: 1rem; background: var(--gz-color-surface); font-family: var(--gz-font-ui)"
          >
            <strong>Der Energie-Newsletter</strong>: jeden Freitag die wichtigsten Nachrichten zur Energiewende.
          </section>
          ${unsafeHTML(bodyHtml)}`,
      )}
    </article>
  `,
  play: async ({ canvasElement }) => {
    const [el] = await bodies(canvasElement);
    const paragraphs = [...el!.children].filter((c) => c.localName === 'p');
    await expect(el!.querySelector('[insert-after="3"]')!.previousElementSibling).toBe(paragraphs[2]);
    await expect(el!.words).toBe(767);
  },
};

/** `progress`: a thin bar at the top of the viewport fills as the reader scrolls through the body. */
export const ProgressBar: Story = {
  name: 'Progress bar',
  parameters: ARTICLE_PARAMETERS,
  args: { progress: true },
};

/** The dark theme on a region (`class="gz-theme-dark"`): the body follows the colour tokens. */
export const Dark: Story = {
  parameters: ARTICLE_PARAMETERS,
  args: { toc: true },
  render: (args) => html`
    <div
      class="gz-theme-dark"
      style="padding: 1.5rem; background: var(--gz-color-background); color: var(--gz-color-text)"
    >
      <article lang="en">${articleBody(args, ENGLISH_BODY)}</article>
    </div>
  `,
};

/** Arabic, right to left: quotes, lists and the contents' edge sit on the start side, the right. */
export const RightToLeft: Story = {
  name: 'Right to left',
  args: { toc: true, 'toc-label': 'المحتويات' },
  render: (args) => html`<article lang="ar" dir="rtl">${articleBody(args, RTL_BODY)}</article>`,
};

const HOSTILE = `<h2>Sicher eingefügt</h2>
<p>Dieser Text kam als String über die <code>html</code>-Eigenschaft.<img src="javascript:alert('img')" alt="" onerror="alert('img')"></p>
<script>alert('script')</script>
<p><a href=" JaVaScRiPt:alert('link')">javascript:-Link</a> · <a href="https://example.com/" target="_blank">externer Link</a> · <a href="mailto:redaktion@example.com">E-Mail</a></p>
<form action="https://evil.example/"><input type="password" name="pw"></form>
<iframe srcdoc="<script>alert('iframe')</script>"></iframe>
<svg><script>alert('svg')</script></svg>
<p style="position: fixed; inset: 0; background: red" onclick="alert('click')">Ohne style und onclick.</p>`;

/**
 * An HTML string full of attacks, given to the `html` property: it is sanitized (the platform's
 * `setHTML`, or DOMPurify loaded on demand) before it is inserted. Nothing runs; the text renders.
 */
export const SanitizedHtml: Story = {
  name: 'Sanitized HTML',
  render: () => html`<article><gz-article-body .html=${HOSTILE}></gz-article-body></article>`,
  play: async ({ canvasElement }) => {
    const [el] = await bodies(canvasElement);
    await expect(el!.querySelectorAll('script, form, input, iframe, svg, [style], [onclick], [onerror]').length).toBe(
      0,
    );
    await expect(el!.querySelector('a[target]')!.getAttribute('rel')).toBe('noopener noreferrer');
    await expect(el!.textContent).toContain('Ohne style und onclick.');
  },
};

/** An empty body and a body of only images: nothing breaks, and the empty one has the `empty` state. */
export const EmptyAndImagesOnly: Story = {
  name: 'Empty and images only',
  render: () => html`
    <article>
      <gz-article-body></gz-article-body>
      <gz-article-body>
        <figure>
          <img
            alt="Windräder vor Husum im Abendlicht"
            width="600"
            height="200"
            src="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 600 200'%3E%3Crect width='600' height='200' fill='%2394a9b8'/%3E%3C/svg%3E"
          />
          <figcaption>Windpark bei Husum. <small class="credit">Foto: Gazette</small></figcaption>
        </figure>
      </gz-article-body>
    </article>
  `,
  play: async ({ canvasElement }) => {
    const [empty, images] = await bodies(canvasElement);
    await expect(empty!.matches(':state(empty)')).toBe(true);
    await expect(images!.images).toBe(1);
  },
};
