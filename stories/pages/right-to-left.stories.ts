import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { expect, waitFor } from 'storybook/test';
import '../../src/components/article-body/article-body.js';
import '../../src/components/article-header/article-header.js';
import '../../src/components/author-card/author-card.js';
import '../../src/components/author-list/author-list.js';
import '../../src/components/reading-time/reading-time.js';
import '../../src/components/subscribe-button/subscribe-button.js';
import '../../src/components/teaser-list/teaser-list.js';
import '../../src/components/teaser/teaser.js';
import type { GzSubscribeButton } from '../../src/components/subscribe-button/subscribe-button.component.js';
import './page.css';

/*
 * A sample article written for this story (issue 21): a local news report with invented people and
 * institutions, no quotes of real persons. Arabic is not one of Gazette's built-in
 * languages: as the README says, each element then speaks English throughout (its own words, dates
 * and figures, left to right in a `lang="en" dir="ltr"` wrapper), while the slotted Arabic content
 * keeps the page's `lang="ar" dir="rtl"`. The story shows that as it is.
 */
const ARTICLE = {
  section: 'ثقافة',
  kicker: 'تحليل',
  headline: 'مكتبة الحي الجديدة تفتح أبوابها بعد ثلاث سنوات من الترميم',
  standfirst:
    'بعد أعمال ترميم استمرت ثلاث سنوات، عادت المكتبة العامة في الحي القديم لاستقبال القرّاء، مع قاعة للأطفال ومساحة للدراسة تفتح حتى منتصف الليل.',
  published: '2026-11-17T09:30:00+02:00',
  updated: '2026-11-17T14:05:00+02:00',
  body: `<p>افتتحت المكتبة العامة في الحي القديم صباح الثلاثاء أبوابها من جديد، بعد أعمال ترميم شملت السقف والواجهة الحجرية وشبكة الكهرباء. وكان المبنى، الذي يعود إلى مطلع القرن الماضي، قد أُغلق في ربيع عام 2023 بعد تسرّب المياه إلى قاعة المطالعة الرئيسية.</p>
<p>وقالت إدارة المكتبة في بيان إن عدد الكتب المتاحة للإعارة ارتفع إلى نحو 48 ألف عنوان، بينها مجموعة جديدة من كتب الأطفال باللغتين العربية والإنجليزية.</p>
<h2>قاعة للأطفال ومساحة للدراسة</h2>
<p>تضم الطبقة الأرضية الآن قاعة مخصصة للأطفال، تُنظَّم فيها جلسات قراءة أسبوعية صباح كل سبت. أما الطبقة العليا فتحوّلت إلى مساحة هادئة للدراسة تتسع لنحو 120 مقعداً، وتبقى مفتوحة حتى منتصف الليل خلال فترة الامتحانات.</p>
<p>وأوضح مهندسو المشروع أن الترميم حافظ على النوافذ الخشبية الأصلية، في حين أُضيف مصعد ومدخل جانبي يسهّلان وصول الكراسي المتحركة وعربات الأطفال.</p>
<h2>التكلفة والتمويل</h2>
<p>بلغت تكلفة الأعمال نحو 3.2 مليون، تحمّلت البلدية نصفها، وجاء الباقي من صندوق للتراث وتبرعات من سكان الحي. وتقول البلدية إن المشروع أُنجز قبل الموعد المحدد بشهرين.</p>
<p>ويأمل القائمون على المكتبة أن يعود عدد الزوار إلى ما كان عليه قبل الإغلاق، أي نحو 900 زائر يومياً، وأن تصبح المكتبة من جديد مكاناً يلتقي فيه سكان الحي من مختلف الأعمار.</p>
<h2>مواعيد الزيارة</h2>
<p>تفتح المكتبة من الأحد إلى الخميس من التاسعة صباحاً حتى الثامنة مساءً، ويوم السبت حتى الثانية ظهراً. والدخول والإعارة مجانيان لجميع سكان المدينة.</p>`,
};

const AUTHORS = [
  {
    name: 'ليلى حداد',
    jobTitle: 'مراسلة الشؤون الثقافية',
    bio: 'تكتب ليلى حداد عن الثقافة والتعليم في المدينة منذ عام 2015، وتهتم بالمكتبات والمسارح المحلية.',
  },
  { name: 'سامر الخطيب', jobTitle: 'محرر الصور', bio: '' },
];

const TEASERS = [
  {
    href: '/ثقافة/مهرجان-الكتاب',
    section: 'ثقافة',
    date: '2026-11-16',
    title: 'مهرجان الكتاب السنوي يعود إلى ساحة المدينة بمشاركة أكثر من مئة دار نشر',
    excerpt: 'يستمر المهرجان عشرة أيام ويتضمن ورشاً للكتابة وأمسيات شعرية...',
  },
  {
    href: '/مدينة/حافلات-ليلية',
    section: 'المدينة',
    date: '2026-11-15',
    title: 'خطوط حافلات ليلية جديدة تربط الأحياء الشرقية بوسط المدينة',
    excerpt: 'تبدأ الخطوط الجديدة العمل مطلع الشهر المقبل وتسير كل ثلاثين دقيقة...',
  },
  {
    href: '/تعليم/مدارس-الطاقة',
    section: 'تعليم',
    date: '2026-11-14',
    title: 'مدارس الحي تركّب ألواحاً شمسية على أسطحها قبل فصل الشتاء',
    excerpt: 'تقول إدارة التعليم إن الألواح ستغطي نحو ربع استهلاك المدارس من الكهرباء...',
  },
];

/** A host that answers the subscription itself, as a publisher with its own provider would. */
const provider = (event: Event) => {
  event.preventDefault();
  const button = event.target as GzSubscribeButton;
  setTimeout(() => button.complete(event.type === 'gz-unsubscribe' ? 'unsubscribed' : 'subscribed'), 400);
};

/**
 * A whole article page in Arabic, right to left: every element on one page with `lang="ar"
 * dir="rtl"`. Arabic has no built-in translation: what the elements write themselves ("By",
 * "min read", "Follow", the dates) is English, left to right, marked `lang="en" dir="ltr"`; the
 * Arabic headline, standfirst, body, bios and teaser titles read right to left. Opening the story switches the toolbar's locale to العربية; the
 * theme and viewport toolbars apply as on every page.
 */
const meta = {
  title: 'Pages/Right to left (Arabic)',
  parameters: { layout: 'fullscreen' },
  globals: { locale: 'ar' },
} satisfies Meta;

export default meta;
type Story = StoryObj;

export const Arabic: Story = {
  render: () =>
    html`<div class="gz-page" lang="ar" dir="rtl">
      <header class="masthead"><a href="/">Gazette</a> <span>أخبار المدينة</span></header>
      <main>
        <article>
          <gz-article-header
            section=${ARTICLE.section}
            kicker="analysis"
            kicker-label=${ARTICLE.kicker}
            published=${ARTICLE.published}
            updated=${ARTICLE.updated}
            time-zone="Asia/Amman"
            reading-time-for="rtl-body"
          >
            <h1>${ARTICLE.headline}</h1>
            <p slot="standfirst">${ARTICLE.standfirst}</p>
          </gz-article-header>
          <gz-author-list>
            ${AUTHORS.map(
              (a) =>
                html`<gz-author-card name=${a.name} job-title=${a.jobTitle}
                  >${a.bio ? html`<p>${a.bio}</p>` : ''}</gz-author-card
                >`,
            )}
          </gz-author-list>
          <gz-article-body id="rtl-body" toc toc-label="المحتويات" anchors>${unsafeHTML(ARTICLE.body)}</gz-article-body>
          <section class="more" aria-label="تابع الموضوع" @gz-subscribe=${provider} @gz-unsubscribe=${provider}>
            <gz-subscribe-button
              topic="maktabat"
              topic-label="المكتبات"
              action="/api/subscriptions"
              compact
              no-remember
            ></gz-subscribe-button>
            <gz-reading-time minutes="4"></gz-reading-time>
          </section>
        </article>
        <gz-teaser-list heading="آخر الأخبار" layout="list">
          ${TEASERS.map(
            (t) =>
              html`<gz-teaser href=${t.href} section=${t.section} date=${t.date}
                ><span slot="title">${t.title}</span>${t.excerpt}</gz-teaser
              >`,
          )}
        </gz-teaser-list>
      </main>
    </div>`,
  play: async ({ canvasElement }) => {
    const header = canvasElement.querySelector('gz-article-header')!;
    await header.updateComplete;
    // The elements' own words follow the locale toolbar (English for `ar`, the README's documented
    // fallback, German under the smoke check's light/de pass), so only the direction is asserted.
    const body = canvasElement.querySelector('gz-article-body')!;
    await waitFor(() => expect(body.shadowRoot!.textContent).toContain('المحتويات'));
    expect(getComputedStyle(body.querySelector('p')!).direction).toBe('rtl');
    expect(getComputedStyle(header.querySelector('h1')!).direction).toBe('rtl');
  },
};
