import { expect } from '@open-wc/testing';
import { isPlaceholderAlt } from '../src/components/author-card/alt-text.js';
import { colorFor, initialsOf, INITIALS_PALETTE, INITIALS_TEXT_COLOR } from '../src/components/author-card/initials.js';
import { parseLinks, splitLinks } from '../src/components/author-card/links.js';
import { contrast } from './contrast.js';

describe('author initials', () => {
  const cases: [string, string][] = [
    ['Virgil Zólyom', 'VZ'],
    ['virgil zólyom', 'VZ'],
    ['  Virgil   Zólyom  ', 'VZ'],
    ['Madonna', 'M'],
    ['Ludwig van Beethoven', 'LB'],
    ['Ursula von der Leyen', 'UL'],
    ['Leonardo da Vinci', 'LV'],
    ['Charles de Gaulle', 'CG'],
    ['Ahmed al-Hakim', 'AH'],
    ['Mohammed bin Salman', 'MS'],
    ['Jean d’Alembert', 'JA'],
    ['Dr. Anna Berg', 'AB'],
    ['Anna Berg (Kiel)', 'AB'],
    ['Anna-Lena Müller-Lüdenscheidt', 'AM'],
    ['Émile Zola', 'ÉZ'],
    ['Владимир Набоков', 'ВН'],
    ['Νίκος Καζαντζάκης', 'ΝΚ'],
    ['山田太郎', '山'],
    ['김민준', '김'],
    ['Virgil 🦊 Zólyom', 'VZ'],
    ['„Virgil“ Zólyom', 'VZ'],
    ['De', 'D'],
    ['van der', 'VD'],
  ];
  for (const [name, expected] of cases) {
    it(`gives ${expected} for "${name}"`, () => {
      expect(initialsOf(name)).to.equal(expected);
    });
  }

  it('keeps combining marks with their letter (decomposed input)', () => {
    // "Ólafur" with O + U+0301 COMBINING ACUTE ACCENT, never a lone O or a lone accent.
    expect(initialsOf('O\u0301lafur Arnalds')).to.equal('ÓA');
    expect(initialsOf('Zo\u0308e Ørsted', 'en')).to.equal('ZØ');
  });

  it('keeps a Devanagari letter with its vowel sign', () => {
    expect(initialsOf('किरण देसाई')).to.equal('किदे');
  });

  it('keeps a multi-code-point emoji whole when the name is emoji only', () => {
    const family = '👩‍👩‍👧';
    expect(initialsOf(family)).to.equal(family);
    expect(initialsOf('🇩🇪 ✍️')).to.equal('🇩🇪');
  });

  it('separates joining Arabic initials with a zero-width non-joiner', () => {
    expect(initialsOf('محمد علي')).to.equal('م\u200cع');
    // The article ال is written together with the name and gives no initial.
    expect(initialsOf('ليلى الحسن')).to.equal('ل\u200cح');
  });

  it('upper-cases in the element’s language', () => {
    expect(initialsOf('ilkay irmak', 'tr')).to.equal('İİ');
    expect(initialsOf('ilkay irmak', 'en')).to.equal('II');
  });

  it('gives nothing for a name without letters or emoji, so the card shows a glyph', () => {
    expect(initialsOf('')).to.equal('');
    expect(initialsOf('  ')).to.equal('');
    expect(initialsOf('— · —')).to.equal('');
    expect(initialsOf(null)).to.equal('');
  });

  it('takes one grapheme per word, however long the word', () => {
    expect(initialsOf('X'.repeat(60))).to.equal('X');
  });
});

describe('initials colour', () => {
  it('is stable for a name, ignoring case and spacing', () => {
    expect(colorFor('Virgil Zólyom')).to.equal(colorFor('virgil  zólyom '));
    expect(colorFor('Virgil Zólyom')).to.equal(colorFor('Virgil Zo\u0301lyom'));
  });

  it('comes from the palette and spreads names over it', () => {
    const names = Array.from({ length: 200 }, (_, i) => `Autor Nummer ${i}`);
    const used = new Set(names.map(colorFor));
    for (const c of used) expect(INITIALS_PALETTE).to.include(c);
    expect(used.size).to.equal(INITIALS_PALETTE.length);
  });

  for (const color of INITIALS_PALETTE) {
    it(`${color} passes WCAG AA (4.5:1) with the initials' text colour`, () => {
      expect(contrast(color, INITIALS_TEXT_COLOR)).to.be.at.least(4.5);
    });
  }
});

describe('alt text placeholders', () => {
  const placeholders = [
    'avtor1',
    'IMG_2034.jpg',
    'IMG_2034',
    'image',
    'Image',
    'photo',
    'foto',
    'Bild',
    'bild 3',
    'DSC_0001',
    'DSC00123.JPG',
    'PXL_20240101_123456789',
    'untitled',
    'Unbenannt-1',
    'portrait.png',
    'avatar',
    'https://cdn.example.com/a/b.jpg',
    '/media/authors/vz.webp',
    'www.example.com/vz',
    'vz_2023',
    '3f2a9c1e-77b4',
    '12345',
    '   ',
    'alt text',
  ];
  for (const alt of placeholders) {
    it(`treats "${alt}" as a placeholder`, () => {
      expect(isPlaceholderAlt(alt)).to.be.true;
    });
  }

  const descriptions = [
    'Virgil Zólyom vor dem Landtag in Kiel',
    'Porträt von Virgil Zólyom am Deich bei Husum',
    'Virgil Zólyom lacht in die Kamera',
    'Headshot of the author in 2024',
  ];
  for (const alt of descriptions) {
    it(`passes on the description "${alt}"`, () => {
      expect(isPlaceholderAlt(alt)).to.be.false;
    });
  }
});

describe('author links', () => {
  it('recognises websites, e-mail addresses and networks', () => {
    const { links, dropped } = parseLinks(
      splitLinks(`https://zolyom.example/
        mailto:virgil@zolyom.example  https://bsky.app/profile/zolyom.example
        https://www.linkedin.com/in/zolyom https://norden.social/@zolyom`),
    );
    expect(dropped).to.deep.equal([]);
    expect(links.map((l) => [l.kind, l.network])).to.deep.equal([
      ['website', undefined],
      ['email', undefined],
      ['profile', 'Bluesky'],
      ['profile', 'LinkedIn'],
      ['profile', 'Mastodon'],
    ]);
  });

  it('drops javascript:, data:, vbscript: and tel: links in any spelling', () => {
    const hostile = ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', '\tjavascript:alert(1)', 'java\nscript:alert(1)'];
    const { links, dropped } = parseLinks([
      ...hostile,
      'data:text/html,<script>x</script>',
      'VBScript:x',
      'tel:+49123',
    ]);
    expect(links).to.deep.equal([]);
    expect(dropped).to.have.length(7);
  });
});
