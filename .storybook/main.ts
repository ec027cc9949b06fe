import type { StorybookConfig } from '@storybook/web-components-vite';

/**
 * Storybook for Gazette, set up by hand (the init wizard does not run on our machines).
 *
 * The build must work offline: telemetry and the "what's new" check are off, and nothing here
 * fetches fonts, icons or addons at build time. Storybook reads the project's `vite.config.ts`
 * itself, keeping its plugins and `define`s but not its `build` section (library mode).
 */
const config: StorybookConfig = {
  framework: {
    name: '@storybook/web-components-vite',
    options: {},
  },
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  core: {
    disableTelemetry: true,
    disableWhatsNewNotifications: true,
  },
  viteFinal(config) {
    // The web-components renderer imports `lit/directive-helpers.js`, which the dev server's
    // dependency optimizer does not pre-bundle: it then loads a second lit-html beside the
    // pre-bundled one ("Multiple versions of Lit loaded"). Pre-bundle it with the rest of Lit.
    config.optimizeDeps = {
      ...config.optimizeDeps,
      include: [...(config.optimizeDeps?.include ?? []), 'lit/directive-helpers.js'],
    };
    // Stories are a development build: warnings as sentences, not the production build's codes.
    config.define = { ...config.define, __GZ_DEV__: 'true' };
    config.plugins = (config.plugins ?? []).flat().filter((p) => !(p && 'name' in p && p.name === 'gz-warning-codes'));
    // Storybook's manager and preview chunks (axe-core, the docs blocks) are large by nature.
    config.build = { ...config.build, chunkSizeWarningLimit: 1500 };
    return config;
  },
};

export default config;
