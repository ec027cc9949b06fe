/**
 * The global tokens and the shipped theme files, read from the sources as text (`?raw`) and
 * parsed, so the docs show what the files say: nothing here is copied by hand.
 */
import tokensCss from '../../src/styles/tokens.css?raw';
import autoCss from '../../src/styles/themes/auto.css?raw';
import broadsheetCss from '../../src/styles/themes/broadsheet.css?raw';
import darkCss from '../../src/styles/themes/dark.css?raw';
import lightCss from '../../src/styles/themes/light.css?raw';
import tabloidCss from '../../src/styles/themes/tabloid.css?raw';

export interface Token {
  name: string;
  /** The value in tokens.css (the default, light). */
  value: string;
  /** The comment heading the token sits under in tokens.css ("Colour", "Typography", ...). */
  group: string;
}

const DECLARATION = /(--gz-[a-z0-9-]+)\s*:\s*([^;]+);/g;

/** The custom properties a stylesheet declares, in order (later declarations win). */
export function declarations(css: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const [, name, value] of css.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(DECLARATION)) {
    found.set(name!, value!.trim().replace(/\s+/g, ' '));
  }
  return found;
}

/** tokens.css's tokens with their groups, taken from the `/* Group … *\/` comments. */
export function parseTokens(css: string): Token[] {
  const tokens: Token[] = [];
  let group = '';
  for (const line of css.split('\n')) {
    const comment = /^\s*\/\*\s*([^*:]+?)(?::.*)?\s*\*\/\s*$/.exec(line);
    if (comment) group = comment[1]!.trim();
    for (const [, name, value] of line.matchAll(DECLARATION)) {
      tokens.push({ name: name!, value: value!.trim(), group });
    }
  }
  return tokens;
}

/** The shipped themes, each the declarations its file makes (auto.css's two halves apart). */
export const THEME_FILES = {
  light: declarations(lightCss),
  dark: declarations(darkCss),
  broadsheet: declarations(broadsheetCss),
  tabloid: declarations(tabloidCss),
  'auto (dark scheme)': declarations(autoCss.split(/@media\s*\(prefers-color-scheme:\s*dark\)/)[1] ?? ''),
} as const;

export type ThemeName = keyof typeof THEME_FILES;

export const TOKENS = parseTokens(tokensCss);

export const SOURCES = { tokensCss, lightCss, darkCss, broadsheetCss, tabloidCss, autoCss };
