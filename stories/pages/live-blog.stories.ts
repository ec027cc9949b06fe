import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect } from 'storybook/test';
import '../../src/components/article-body/article-body.js';
import '../../src/components/article-header/article-header.js';
import '../../src/components/author-card/author-card.js';
import { masthead, subscriptions } from './page.js';

/** One live-blog entry: a time, a headline, a few paragraphs, sometimes an author. */
interface Entry {
  id: string;
  published: string;
  headline: string;
  paragraphs: string[];
  author?: string;
}

/** Election night in Kiel, newest entry first. Fixed times: the page looks the same on every run. */
const ENTRIES: Entry[] = [
  {
    id: 'e5',
    published: '2027-05-09T21:47:00+02:00',
    headline: 'Hochrechnung: Koalition behält knappe Mehrheit im Landtag',
    paragraphs: [
      'Nach der jüngsten Hochrechnung kommt die bisherige Koalition auf 35 der 69 Sitze. Das wäre eine Mehrheit von einer Stimme.',
      '„Wir werden heute Abend noch nicht feiern. Erst wenn alle Wahlkreise ausgezählt sind, wissen wir, woran wir sind“, sagte der Fraktionsvorsitzende im Landeshaus.',
    ],
    author: 'Virgil Zólyom',
  },
  {
    id: 'e4',
    published: '2027-05-09T20:15:00+02:00',
    headline: 'Wahlbeteiligung steigt auf 68,4 Prozent',
    paragraphs: [
      'Die Landeswahlleiterin meldet eine deutlich höhere Beteiligung als vor fünf Jahren. Besonders in den Städten gingen mehr Menschen zur Wahl.',
    ],
  },
  {
    id: 'e3',
    published: '2027-05-09T19:02:00+02:00',
    headline: 'Erste Ergebnisse aus Flensburg und Husum',
    paragraphs: [
      'In Flensburg liegt die Opposition nach Auszählung von 80 Prozent der Stimmbezirke vorn. In Husum verteidigt der Direktkandidat der Regierungspartei seinen Wahlkreis mit 1.300 Stimmen Vorsprung.',
      'Die Briefwahlbezirke werden erst im Laufe des Abends ausgezählt.',
    ],
    author: 'Virgil Zólyom',
  },
  {
    id: 'e2',
    published: '2027-05-09T18:00:00+02:00',
    headline: 'Wahllokale geschlossen: Prognose sieht Kopf-an-Kopf-Rennen',
    paragraphs: [
      'Um 18 Uhr haben die Wahllokale geschlossen. Die erste Prognose sieht Regierung und Opposition fast gleichauf; der Abstand liegt innerhalb der Fehlertoleranz.',
    ],
  },
];

/**
 * A live blog: the page header with the "Live" kicker and the time of the last update, then one
 * `<gz-article-header>` (with an `<h2>`) and `<gz-article-body>` per entry, newest first, each
 * entry signed with the compact author card where it has an author.
 */
const meta = {
  title: 'Pages/Live blog',
  parameters: { layout: 'fullscreen' },
  render: () =>
    html` <div class="gz-page" lang="de" dir="ltr">
      ${masthead('de')}
      <main>
        <article>
          <gz-article-header
            kicker="live"
            section="Landtagswahl"
            published="2027-05-09T17:30:00+02:00"
            updated=${ENTRIES[0]!.published}
            time-zone="Europe/Berlin"
            no-reading-time
          >
            <h1>Landtagswahl in Schleswig-Holstein: Der Wahlabend im Liveblog</h1>
            <p slot="standfirst">
              Die Wahllokale sind geschlossen, die Auszählung läuft. Wir berichten laufend über Prognosen, Ergebnisse
              aus den Wahlkreisen und die ersten Reaktionen aus Kiel.
            </p>
          </gz-article-header>
          <ol class="live-entries" aria-label="Einträge, neueste zuerst">
            ${ENTRIES.map(
              (entry) =>
                html`<li>
                  <gz-article-header published=${entry.published} time-zone="Europe/Berlin" no-reading-time>
                    <h2>${entry.headline}</h2>
                  </gz-article-header>
                  <gz-article-body id="live-${entry.id}"
                    >${entry.paragraphs.map((p) => html`<p>${p}</p>`)}</gz-article-body
                  >
                  ${
                    entry.author
                      ? html`<gz-author-card
                          name=${entry.author}
                          href="/autoren/virgil-zolyom"
                          layout="compact"
                        ></gz-author-card>`
                      : ''
                  }
                </li>`,
            )}
          </ol>
          ${subscriptions('de')}
        </article>
      </main>
    </div>`,
} satisfies Meta;

export default meta;
type Story = StoryObj;

/** Election night, four entries, newest first. */
export const ElectionNight: Story = {
  name: 'Election night',
  play: async ({ canvasElement }) => {
    const headers = [...canvasElement.querySelectorAll('gz-article-header')];
    await Promise.all(headers.map((el) => el.updateComplete));
    expect(headers).toHaveLength(ENTRIES.length + 1);
    expect(canvasElement.querySelectorAll('.live-entries h2')).toHaveLength(ENTRIES.length);
  },
};
