/**
 * Data shared by the benchmark pages: the reference article (the German fixture), its 8 related
 * teasers, n teasers for the list benchmark and long German text for the reading-time benchmark.
 */
import type { TeaserItem } from '../src/components/teaser-list/items.js';

export * as article from '../test/fixtures/article-de.js';

export interface Teaser {
  brand: string;
  category: string;
  title: string;
  date: string;
  excerpt: string;
  href: string;
}

const CATEGORIES = ['Finanzen', 'Unternehmen', 'Politik', 'Wirtschaft'];
const TITLES = [
  'Bayer-Aktie unter Druck: Anleger zweifeln nach dem Quartalsbericht an der neuen Strategie des Konzerns',
  'Mittelstand im Norden: Warum immer mehr Familienbetriebe keinen Nachfolger mehr finden',
  'Haushaltsstreit in Berlin: Die Koalition ringt um Milliarden für Netze, Schienen und Schulen',
  'Zinswende in Sicht? Was die nächste Entscheidung der Notenbank für Sparer und Kreditnehmer bedeutet',
];
const EXCERPT =
  'Die Lage bleibt angespannt, doch erste Zahlen deuten auf eine Wende hin. Analysten rechnen mit einer Erholung im zweiten Halbjahr, warnen aber...';

export function teasers(n: number): Teaser[] {
  return Array.from({ length: n }, (_, i) => ({
    brand: 'DWN',
    category: CATEGORIES[i % CATEGORIES.length],
    title: `${TITLES[i % TITLES.length]} (${i + 1})`,
    date: `2026-02-${String(1 + (i % 28)).padStart(2, '0')}`,
    excerpt: EXCERPT,
    href: `https://gazette.example/artikel/${i + 1}`,
  }));
}

/** A teaser as `<gz-teaser-list>`'s data item (its `items` property or attribute). */
export const teaserItem = (t: Teaser): TeaserItem => ({
  href: t.href,
  title: t.title,
  excerpt: t.excerpt,
  section: t.category,
  brand: t.brand,
  date: t.date,
});

// Built on first use, not when this module is evaluated: the first Intl object of a page starts ICU
// (tens of ms cold), and every bench page imports this module. Pages that format no date with Intl
// (the Gazette article's first render does not) are not charged for it.
let dateFormat: Intl.DateTimeFormat | undefined;
/** The date as the reference page shows it: `17.02.2026`. */
export const teaserDate = (iso: string) =>
  (dateFormat ??= new Intl.DateTimeFormat('de-DE', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'UTC',
  })).format(new Date(`${iso}T12:00:00Z`));

const WORDS =
  'Der Netzausbau im Norden kommt voran doch die Haushalte zahlen weiterhin hohe Entgelte und die Landesregierung verspricht Entlastung durch neue Leitungen regionale Tarife und mehr Speicher'.split(
    ' ',
  );

/** n words of German prose, in paragraphs of 80 words. */
export function words(n: number): string[] {
  const paragraphs: string[] = [];
  for (let i = 0; i < n; i += 80) {
    const count = Math.min(80, n - i);
    paragraphs.push(Array.from({ length: count }, (_, j) => WORDS[(i + j) % WORDS.length]).join(' ') + '.');
  }
  return paragraphs;
}

/** Sets the tachometer result and, for the runner, extra facts about the run. */
export function done(result: number, info: Record<string, unknown> = {}): void {
  const w = window as unknown as { tachometerResult: number; gzBenchInfo: Record<string, unknown> };
  // The profile (scripts/profile.mjs) ends its window at this mark.
  performance.mark('gz-bench-done');
  w.gzBenchInfo = { ...info, result };
  w.tachometerResult = result;
}

/** Resolves when every Gazette element on the page, in shadow roots too, has rendered. */
export async function gazetteRendered(root: ParentNode = document): Promise<void> {
  for (let pass = 0; pass < 3; pass++) {
    const pending: Promise<unknown>[] = [];
    const visit = (node: ParentNode) => {
      for (const el of node.querySelectorAll('*')) {
        if (el.localName.startsWith('gz-')) {
          pending.push(
            customElements
              .whenDefined(el.localName)
              .then(() => (el as Element & { updateComplete?: Promise<unknown> }).updateComplete),
          );
        }
        if (el.shadowRoot) visit(el.shadowRoot);
      }
    };
    visit(root);
    await Promise.all(pending);
  }
}
