import { setCustomElementsManifest, type Decorator, type Preview } from '@storybook/web-components-vite';
import { html } from 'lit';
// Every theme file themes `:where(:root)` (for a page that links it) and its own class (for a
// region). Storybook's canvas and docs pages must stay light whatever a story shows, so the preview
// loads the files as text and keeps only the class selectors: the toolbar's theme is the wrapper's
// class below, as on a publisher's page with one themed region.
import '../src/styles/tokens.css';
import broadsheetCss from '../src/styles/themes/broadsheet.css?raw';
import darkCss from '../src/styles/themes/dark.css?raw';
import lightCss from '../src/styles/themes/light.css?raw';
import tabloidCss from '../src/styles/themes/tabloid.css?raw';
import { manifestArgTypes } from './manifest-arg-types.js';

// The manifest is generated (`npm run analyze`) and not committed. A glob, unlike a plain import,
// resolves to nothing when the file is missing, so Storybook still builds before the first analyze;
// the docs pages then lack their API tables and the console says why.
const manifests = import.meta.glob('../custom-elements.json', { eager: true, import: 'default' });
const manifest = manifests['../custom-elements.json'];
if (manifest) setCustomElementsManifest(manifest);
else console.warn('Gazette: custom-elements.json is missing; run `npm run analyze` to get the API tables in the docs.');

const LOCALES = ['de', 'en', 'ar'] as const;
type Locale = (typeof LOCALES)[number];
const THEMES = ['light', 'dark', 'broadsheet', 'tabloid'] as const;
type Theme = (typeof THEMES)[number];

const themeSheet = document.createElement('style');
themeSheet.dataset['gzThemes'] = '';
themeSheet.textContent = [lightCss, darkCss, broadsheetCss, tabloidCss]
  .map((css) => css.replace(/:where\(:root\),\s*/g, ''))
  .join('\n');
document.head.append(themeSheet);

/** Viewports of the toolbar: a phone, a tablet, a desktop window (Storybook 10's built-in viewport). */
const VIEWPORTS = {
  mobile: { name: 'Mobile (375 × 740)', styles: { width: '375px', height: '740px' }, type: 'mobile' },
  tablet: { name: 'Tablet (768 × 1024)', styles: { width: '768px', height: '1024px' }, type: 'tablet' },
  desktop: { name: 'Desktop (1280 × 800)', styles: { width: '1280px', height: '800px' }, type: 'desktop' },
} as const;

/**
 * Wraps every story in the toolbar's language and theme. Elements resolve `lang` and `dir` from
 * their nearest ancestor: stories about one language (named "English", "Japanese", "Right to
 * left", "Reference (German)", ...) set their own `lang` and keep it whatever the toolbar says;
 * every other story sets none and speaks the toolbar's locale.
 */
const withLocaleAndTheme: Decorator = (story, context) => {
  const locale: Locale = LOCALES.includes(context.globals['locale']) ? context.globals['locale'] : 'de';
  const theme: Theme = THEMES.includes(context.globals['theme']) ? context.globals['theme'] : 'light';
  const fill = context.viewMode === 'story' ? 'min-block-size: 100vh;' : '';
  return html`<div
    data-story-wrapper
    class=${`gz-theme-${theme}`}
    lang=${locale}
    dir=${locale === 'ar' ? 'rtl' : 'ltr'}
    style="box-sizing: border-box; ${fill} padding: var(--gz-space-l, 1.5rem);
      background: var(--gz-color-background); color: var(--gz-color-text); font-family: var(--gz-font-body);"
  >
    ${story()}
  </div>`;
};

const preview: Preview = {
  decorators: [withLocaleAndTheme],
  globalTypes: {
    locale: {
      description: 'Language (and direction) of the page around the story',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'de', right: 'de', title: 'Deutsch' },
          { value: 'en', right: 'en', title: 'English' },
          { value: 'ar', right: 'ar, rtl', title: 'العربية' },
        ],
        dynamicTitle: true,
      },
    },
    theme: {
      description: 'Gazette theme of the region around the story',
      toolbar: {
        title: 'Theme',
        icon: 'contrast',
        items: [
          { value: 'light', icon: 'sun', title: 'Light' },
          { value: 'dark', icon: 'moon', title: 'Dark (gz-theme-dark)' },
          { value: 'broadsheet', icon: 'document', title: 'Broadsheet: sample serif brand (gz-theme-broadsheet)' },
          { value: 'tabloid', icon: 'lightning', title: 'Tabloid: sample sans brand (gz-theme-tabloid)' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: {
    locale: 'de',
    theme: 'light',
  },
  parameters: {
    // The wrapper above pads the story and paints the theme's background up to the edges.
    layout: 'fullscreen',
    viewport: { options: VIEWPORTS },
    // Accessibility violations fail a story (in the a11y panel and in scripts/story-smoke.mjs).
    a11y: { test: 'error' },
    controls: { expanded: true },
    docs: {
      extractArgTypes: (component: unknown) =>
        manifest && typeof component === 'string' ? manifestArgTypes(manifest, component) : undefined,
    },
    options: {
      storySort: {
        order: [
          'Introduction',
          'Theming',
          ['Guide', 'Tokens', 'Element hooks', 'Brand playground'],
          'Elements',
          'Pages',
        ],
      },
    },
  },
};

export default preview;
