import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect } from 'storybook/test';
import { registerTranslation } from '../src/controllers/localize.js';
import type { GzTeaserList } from '../src/components/teaser-list/teaser-list.component.js';
import type { TeaserItem } from '../src/components/teaser-list/items.js';
import '../src/components/teaser-list/teaser-list.js';
import finanzen from './assets/teaser/finanzen.svg?no-inline';
import politik from './assets/teaser/politik.svg?no-inline';
import unternehmen from './assets/teaser/unternehmen.svg?no-inline';
import wirtschaft from './assets/teaser/wirtschaft.svg?no-inline';

/** The attributes a CMS author writes. */
interface TeaserListArgs {
  layout?: string;
  heading?: string;
  max?: number;
  'max-chars'?: number;
  'excerpt-lines'?: number;
}

// The right-to-left story needs a language Gazette does not ship; a publisher adds it like this.
registerTranslation({
  $code: 'ar',
  $name: 'العربية',
  $dir: 'rtl',
  teaserListHeading: 'المزيد حول هذا الموضوع',
  teaserListPrevious: 'المقالات السابقة',
  teaserListNext: 'المقالات التالية',
  teaserSection: 'القسم',
});

/** The reference page's region 5: eight of the site's latest articles (our own titles). */
const LATEST: TeaserItem[] = [
  { id: 'dwn-1000', href: 'https://dwn.example/finanzen/bayer-aktie-glyphosat-vergleich', section: 'Finanzen', date: '2026-02-17', title: 'Bayer-Aktie springt nach Glyphosat-Vergleich um 13 Prozent: Anleger hoffen auf das Ende der Klagewelle in den USA', excerpt: 'Der Leverkusener Konzern will mit einem Vergleich über 7,25 Milliarden Dollar künftige Klagen bündeln. Analysten sprechen von einem Befreiungsschlag, doch die Gerichte müssen noch zustimmen.' },
  { id: 'dwn-1001', href: 'https://dwn.example/unternehmen/mittelstand-fachkraefte-indien', section: 'Unternehmen', date: '2026-02-17', title: 'Mittelstand wirbt Fachkräfte in Indien an: Warum ein Maschinenbauer aus Schwaben 40 Ingenieure einstellt', excerpt: 'Ein Familienunternehmen aus Reutlingen zeigt, wie Fachkräfteeinwanderung in der Praxis gelingt: mit Sprachkursen, Wohnungen und einem eigenen Büro in Pune, das die Bewerber betreut.' },
  { id: 'dwn-1002', href: 'https://dwn.example/politik/bundestag-haushalt-2027', section: 'Politik', date: '2026-02-16', title: 'Bundestag ringt um den Haushalt 2027: Die Schuldenbremse bleibt der Streitpunkt der Koalition', excerpt: 'Finanzminister und Fraktionen verhandeln über Einsparungen von 13.000 Millionen Euro. Die Opposition fordert Investitionen in Schienen, Brücken und Schulen statt neuer Sondervermögen.' },
  { id: 'dwn-1003', href: 'https://dwn.example/wirtschaft/ifo-index-februar', section: 'Wirtschaft', date: '2026-02-16', title: 'Ifo-Geschäftsklima steigt überraschend: Stimmung in der Industrie hellt sich zum dritten Mal in Folge auf', excerpt: 'Der Index kletterte im Februar auf 88,4 Punkte, Ökonomen hatten mit einem Rückgang gerechnet. Besonders die Autozulieferer und die Chemiebranche blicken zuversichtlicher auf das Frühjahr.' },
  { id: 'dwn-1004', href: 'https://dwn.example/finanzen/ezb-zinsentscheid-maerz', section: 'Finanzen', date: '2026-02-15', title: 'EZB vor dem Zinsentscheid im März: Wie Sparer und Immobilienkäufer sich jetzt aufstellen sollten', excerpt: 'Die Inflation im Euroraum liegt bei 1,3 Prozent und damit unter dem Ziel der Notenbank. Eine weitere Zinssenkung gilt als wahrscheinlich; Tagesgeldkonten dürften dann weniger abwerfen.' },
  { id: 'dwn-1005', href: 'https://dwn.example/unternehmen/energiekonzern-wasserstoff-netz', section: 'Unternehmen', date: '2026-02-15', title: 'Energiekonzern baut Wasserstoffnetz zwischen Nordsee und Ruhrgebiet: Erste Leitung soll 2028 in Betrieb gehen', excerpt: 'Die Bundesnetzagentur hat das Kernnetz genehmigt. Für die Stahlwerke in Duisburg ist die Versorgung mit grünem Wasserstoff die Voraussetzung für die Umstellung ihrer Hochöfen.' },
  { id: 'dwn-1006', href: 'https://dwn.example/politik/eu-lieferkettengesetz-reform', section: 'Politik', date: '2026-02-14', title: 'EU entschärft das Lieferkettengesetz: Was die Reform für Unternehmen mit weniger als 5.000 Beschäftigten bedeutet', excerpt: 'Brüssel will die Berichtspflichten deutlich verringern. Wirtschaftsverbände begrüßen den Schritt, Menschenrechtsorganisationen warnen vor einem Rückschritt beim Schutz der Arbeiter.' },
  { id: 'dwn-1007', href: 'https://dwn.example/wirtschaft/immobilienpreise-grossstaedte', section: 'Wirtschaft', date: '2026-02-14', title: 'Immobilienpreise in den Großstädten ziehen wieder an: München und Hamburg melden das stärkste Plus seit 2022', excerpt: 'Nach zwei Jahren mit fallenden Preisen steigen die Kaufpreise für Eigentumswohnungen wieder. Makler berichten von mehr Besichtigungen, die Zahl der Baugenehmigungen bleibt jedoch niedrig.' },
]; // prettier-ignore

const IMAGES: Record<string, string> = {
  Finanzen: finanzen,
  Unternehmen: unternehmen,
  Politik: politik,
  Wirtschaft: wirtschaft,
};
const WITH_IMAGES: TeaserItem[] = LATEST.map((item) => ({ ...item, image: IMAGES[item.section!] }));

const ENGLISH: TeaserItem[] = [
  { href: 'https://example.com/business/harbour-library-night-shift', section: 'Business', date: '2026-02-17', title: 'A library that never closes: what eighteen months of night opening taught one coastal town about its readers', excerpt: 'Around a third of all visits now take place after eight in the evening. Nurses, students and night-shift workers explain why the quiet reading room matters to them.' },
  { href: 'https://example.com/politics/budget-talks', section: 'Politics', date: '2026-02-16', title: 'Budget talks stall again as ministers argue over 13,000 new teaching posts and the cost of rail repairs', excerpt: 'The coalition has until the end of the month to agree. Both sides say a deal is close, but neither has moved on the figures that divide them most.' },
  { href: 'https://example.com/economy/energy-prices', section: 'Economy', date: '2026-02-15', title: 'Wholesale energy prices fall for a third month, but household bills will take until the summer to follow', excerpt: 'Suppliers buy power up to a year ahead, so the drop reaches customers slowly. Consumer groups want the regulator to speed up the pass-through.' },
]; // prettier-ignore

const ARABIC: TeaserItem[] = [
  { href: 'https://example.com/ar/economy/1', section: 'اقتصاد', date: '2026-02-17', title: 'أسعار الطاقة تنخفض للشهر الثالث على التوالي لكن فواتير الأسر لن تتراجع قبل الصيف المقبل', excerpt: 'يشتري الموردون الكهرباء قبل عام من موعد استخدامها، لذلك يصل الانخفاض إلى المستهلكين ببطء شديد.' },
  { href: 'https://example.com/ar/politics/2', section: 'سياسة', date: '2026-02-16', title: 'محادثات الميزانية تتعثر مجددا بسبب الخلاف حول الوظائف الجديدة في التعليم وتكاليف إصلاح السكك الحديدية', excerpt: 'أمام الائتلاف حتى نهاية الشهر للتوصل إلى اتفاق، ويقول الطرفان إن الاتفاق بات قريبا.' },
  { href: 'https://example.com/ar/business/3', section: 'أعمال', date: '2026-02-15', title: 'مكتبة لا تغلق أبوابها أبدا: ماذا تعلمت مدينة ساحلية من فتح قاعة القراءة طوال الليل لمدة عام ونصف', excerpt: 'نحو ثلث الزيارات تتم الآن بعد الثامنة مساء، والقراء يشرحون لماذا تهمهم القاعة الهادئة.' },
  { href: 'https://example.com/ar/economy/4', section: 'اقتصاد', date: '2026-02-14', title: 'أسعار العقارات في المدن الكبرى ترتفع من جديد بعد عامين من التراجع المستمر في معظم الأحياء', excerpt: 'يتحدث الوسطاء عن زيادة في عدد الزيارات، بينما يبقى عدد تصاريح البناء منخفضا.' },
]; // prettier-ignore

/** An RSS 2.0 document for the feed story, built from the sample items. */
function rss(items: TeaserItem[]): string {
  const doc = document.implementation.createDocument(null, 'rss');
  doc.documentElement.setAttribute('version', '2.0');
  const channel = doc.documentElement.appendChild(doc.createElement('channel'));
  for (const item of items) {
    const el = channel.appendChild(doc.createElement('item'));
    const add = (name: string, text: string) => (el.appendChild(doc.createElement(name)).textContent = text);
    add('title', item.title);
    add('link', item.href);
    add('guid', item.id ?? item.href);
    add('category', item.section ?? '');
    add('pubDate', new Date(`${item.date}T08:00:00Z`).toUTCString());
    add('description', item.excerpt ?? '');
  }
  return new XMLSerializer().serializeToString(doc);
}

/** A fetch for stories: the feed comes from memory, as the static Storybook has no feed server. */
const memoryFetch: typeof fetch = async () =>
  new Response(rss(LATEST), { headers: { 'content-type': 'application/rss+xml; charset=utf-8' } });
/** A fetch that never answers: the loading state stays on screen. */
const neverFetch: typeof fetch = (_input, init) =>
  new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)));
/** A fetch that fails: the error state with its retry button. */
const failingFetch: typeof fetch = async () =>
  new Response('Wartung', { status: 503, headers: { 'content-type': 'text/plain' } });

function teaserList(args: TeaserListArgs, items?: TeaserItem[]) {
  return html`<gz-teaser-list
    brand="DWN"
    layout=${ifDefined(args.layout)}
    heading=${ifDefined(args.heading || undefined)}
    max=${ifDefined(args.max)}
    max-chars=${ifDefined(args['max-chars'])}
    excerpt-lines=${ifDefined(args['excerpt-lines'])}
    .items=${items ?? null}
  ></gz-teaser-list>`;
}

async function lists(canvasElement: HTMLElement): Promise<GzTeaserList[]> {
  const all = [...canvasElement.querySelectorAll('gz-teaser-list')];
  await Promise.all(all.map((el) => el.updateComplete));
  return all;
}

const meta = {
  title: 'Elements/Teaser list',
  component: 'gz-teaser-list',
  subcomponents: { 'gz-teaser': 'gz-teaser' },
  tags: ['autodocs'],
  argTypes: {
    layout: { control: 'inline-radio', options: ['list', 'grid', 'rail'] },
    heading: { control: 'text' },
    max: { control: 'number' },
    'max-chars': { control: 'number' },
    'excerpt-lines': { control: 'number' },
  },
  args: { layout: 'list' },
  render: (args) => html`<div style="max-inline-size: 44rem">${teaserList(args, LATEST)}</div>`,
} satisfies Meta<TeaserListArgs>;

export default meta;
type Story = StoryObj<TeaserListArgs>;

/**
 * The reference page's closing region: eight of the site's latest articles, each with the brand
 * `DWN`, a category, a 75–116 character title, the date `17.02.2026` and an excerpt cut at a word
 * boundary around 140 characters with `…`. German whatever the toolbar says, as on the reference page.
 */
export const Latest: Story = {
  render: (args) => html`<div lang="de" style="max-inline-size: 44rem">${teaserList(args, LATEST)}</div>`,
  play: async ({ canvasElement }) => {
    const [el] = await lists(canvasElement);
    await expect(el!.shownItems.length).toBe(8);
    // The list renders its data items itself: their parts are `teaser-…`.
    const first = el!.shadowRoot!.querySelector('[part~=item]')!;
    await expect(first.querySelector('[part~=teaser-date]')?.textContent?.trim()).toBe('17.02.2026');
  },
};

/** The same eight articles read from an RSS 2.0 feed (`src`), here served from memory by `fetcher`. */
export const FromFeed: Story = {
  name: 'From an RSS feed',
  render: (args) =>
    html`<div style="max-inline-size: 44rem">
      <gz-teaser-list
        brand="DWN"
        layout=${ifDefined(args.layout)}
        src="feeds/latest.xml"
        max="8"
        .fetcher=${memoryFetch}
      ></gz-teaser-list>
    </div>`,
  play: async ({ canvasElement }) => {
    const [el] = await lists(canvasElement);
    while (el!.matches(':state(loading)')) await new Promise((r) => requestAnimationFrame(r));
    await expect(el!.shownItems.length).toBe(8);
  },
};

/** A grid with images: the 16:9 box is reserved before the image loads, so nothing shifts. */
export const GridWithImages: Story = {
  name: 'Grid with images',
  args: { layout: 'grid' },
  render: (args) => html`<div style="max-inline-size: 64rem">${teaserList(args, WITH_IMAGES)}</div>`,
};

/** One row, scrolled with snap points; the previous/next buttons are reachable with Tab. */
export const Rail: Story = {
  args: { layout: 'rail' },
  render: (args) => html`<div style="max-inline-size: 44rem">${teaserList(args, WITH_IMAGES)}</div>`,
};

/** While a feed loads: skeletons with the teasers' height, announced to screen readers. */
export const Loading: Story = {
  render: (args) =>
    html`<div style="max-inline-size: 44rem">
      <gz-teaser-list
        layout=${ifDefined(args.layout)}
        src="feeds/latest.xml"
        max="4"
        .fetcher=${neverFetch}
      ></gz-teaser-list>
    </div>`,
};

/** Nothing to list. */
export const Empty: Story = {
  render: (args) => html`<div style="max-inline-size: 44rem">${teaserList(args, [])}</div>`,
};

/** The feed could not be loaded (here: the server answers 503); the button tries again. */
export const ErrorState: Story = {
  name: 'Error',
  render: (args) =>
    html`<div style="max-inline-size: 44rem">
      <gz-teaser-list layout=${ifDefined(args.layout)} src="feeds/latest.xml" .fetcher=${failingFetch}></gz-teaser-list>
    </div>`,
};

/** An English page: "More on this topic", dates as `17 Feb 2026`. */
export const English: Story = {
  render: (args) => html`<div lang="en" style="max-inline-size: 44rem">${teaserList(args, ENGLISH)}</div>`,
};

/** The dark theme on a region of the page. */
export const Dark: Story = {
  args: { layout: 'grid' },
  render: (args) =>
    html`<div
      class="gz-theme-dark"
      style="max-inline-size: 64rem; padding: var(--gz-space-l); background: var(--gz-color-background); color: var(--gz-color-text)"
    >
      ${teaserList(args, WITH_IMAGES)}
    </div>`,
};

/** Right to left: the rail scrolls from the right, its arrows point the reading way. */
export const RightToLeft: Story = {
  name: 'Right to left',
  args: { layout: 'rail' },
  render: (args) => html`<div lang="ar" dir="rtl" style="max-inline-size: 44rem">${teaserList(args, ARABIC)}</div>`,
};

/** Teasers written into the page as children: the CMS's HTML, seen by search engines. */
export const Children: Story = {
  render: (args) =>
    html`<div style="max-inline-size: 44rem">
      <gz-teaser-list layout=${ifDefined(args.layout)} heading="Neueste Artikel">
        ${LATEST.slice(0, 3).map(
          (item) =>
            html`<gz-teaser href=${item.href} brand="DWN" section=${item.section!} date=${item.date!}>
              <span slot="title">${item.title}</span>
              ${item.excerpt}
            </gz-teaser>`,
        )}
      </gz-teaser-list>
    </div>`,
};
