/**
 * Sample teasers for the full-page stories, in the shape of the reference page's region 5: brand
 * label, category, title (75 to 116 characters), date only, an excerpt cut at a word boundary and
 * ended with "...". They are the site's latest articles, dated 15 months after the article.
 * Until `<gz-teaser-list>`/`<gz-teaser>` merge, `page.ts` renders them as plain HTML.
 */
export interface SampleTeaser {
  brand: string;
  category: string;
  title: string;
  href: string;
  date: string;
  excerpt: string;
}

export const teasersDe: SampleTeaser[] = [
  {
    brand: 'GZ',
    category: 'Finanzen',
    title: 'Bayer-Aktie unter Druck: Anleger fürchten neue Vergleichszahlungen und eine weitere Senkung der Dividende',
    href: '/finanzen/bayer-aktie-unter-druck',
    date: '2026-02-17',
    excerpt:
      'Nach einem schwachen Quartal verliert das Papier deutlich. Analysten erwarten, dass der Konzern seine Prognose für das laufende Jahr...',
  },
  {
    brand: 'GZ',
    category: 'Unternehmen',
    title: 'Werften an der Küste melden volle Auftragsbücher, doch es fehlen Schweißer und Ingenieure',
    href: '/unternehmen/werften-auftragsbuecher',
    date: '2026-02-17',
    excerpt:
      'Kreuzfahrtschiffe, Fähren und Spezialschiffe für Windparks: Die Nachfrage ist groß wie lange nicht. Die Betriebe suchen Personal in...',
  },
  {
    brand: 'GZ',
    category: 'Politik',
    title: 'Landtag beschließt Hafenpaket: Kiel und Lübeck sollen bis 2030 zu Drehkreuzen für Wasserstoff werden',
    href: '/politik/hafenpaket',
    date: '2026-02-16',
    excerpt:
      'Mit knapper Mehrheit bringt die Koalition das Investitionsprogramm auf den Weg. Die Opposition kritisiert fehlende Zusagen des Bundes...',
  },
  {
    brand: 'GZ',
    category: 'Wirtschaft',
    title: 'Inflation sinkt auf 2,1 Prozent: Lebensmittel werden billiger, Dienstleistungen bleiben teuer',
    href: '/wirtschaft/inflation-februar',
    date: '2026-02-16',
    excerpt:
      'Das Statistische Bundesamt meldet den niedrigsten Wert seit drei Jahren. Ökonomen warnen dennoch vor verfrühter Entwarnung, weil die...',
  },
];

export const teasersEn: SampleTeaser[] = [
  {
    brand: 'GZ',
    category: 'Finance',
    title: 'Bank shares slide as investors fear a long pause before the next cut in interest rates',
    href: '/finance/bank-shares-slide',
    date: '2026-02-17',
    excerpt:
      'A weaker quarter and cautious guidance sent the sector lower in early trading. Analysts expect the largest lenders to revise their...',
  },
  {
    brand: 'GZ',
    category: 'Business',
    title: 'Shipyards report full order books, but welders and engineers are nowhere to be found',
    href: '/business/shipyards-order-books',
    date: '2026-02-17',
    excerpt:
      'Cruise ships, ferries and vessels for offshore wind farms: demand is stronger than it has been for years. Yards are now recruiting in...',
  },
  {
    brand: 'GZ',
    category: 'Politics',
    title: 'Parliament passes port package: two harbours are to become hydrogen hubs by the end of the decade',
    href: '/politics/port-package',
    date: '2026-02-16',
    excerpt:
      'The coalition pushed the investment plan through by a narrow margin. The opposition criticised the lack of firm commitments from the...',
  },
  {
    brand: 'GZ',
    category: 'Economy',
    title: 'Inflation falls to 2.1 per cent: food is getting cheaper, while services remain expensive',
    href: '/economy/inflation-february',
    date: '2026-02-16',
    excerpt:
      'The statistics office reported the lowest figure in three years. Economists nevertheless warned against declaring victory, because...',
  },
];
