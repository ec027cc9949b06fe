// @ts-check
import js from '@eslint/js';
import { configs as litConfigs } from 'eslint-plugin-lit';
import { configs as wcConfigs } from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'bench/dist/',
      'bench/dist-profile/',
      'storybook-static/',
      'custom-elements.json',
      '.test-results/',
      'node_modules/',
      'coverage/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  wcConfigs['flat/recommended'],
  wcConfigs['flat/best-practice'],
  litConfigs['flat/all'],
  {
    languageOptions: { globals: { ...globals.browser } },
    settings: { wc: { elementBaseClasses: ['LitElement', 'GzElement'] } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // Gazette's templates are written across lines as Prettier lays them out.
      'lit/prefer-static-styles': 'error',
      'lit/no-template-arrow': 'off',
      'lit/no-template-bind': 'off',
      // Lit sets properties on construction; GzElement subclasses may define listeners in fields.
      'wc/no-constructor-attributes': 'error',
      'wc/guard-super-call': 'off',
      // Lit elements register through GzElement.define(), which is guarded.
      'wc/tag-name-matches-class': 'off',
      'wc/file-name-matches-element': 'off',
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='customElements'][callee.property.name='define']",
          message: 'Register tags with GzElement.define() in the registration module.',
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'lit/directives/unsafe-html.js', message: 'Never unsafeHTML: sanitize into light DOM instead.' },
          ],
        },
      ],
    },
  },
  {
    files: ['test/**/*.ts', 'stories/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      // chai's property assertions: expect(x).to.be.true
      '@typescript-eslint/no-unused-expressions': 'off',
      'lit/no-template-map': 'off',
      'wc/no-constructor-attributes': 'off',
      'wc/no-self-class': 'off',
      'wc/define-tag-after-class-definition': 'off',
      // Every element test file runs client- and server-rendered through the harness's fixture.
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@open-wc/testing',
              importNames: ['fixture'],
              message: "Import fixture from './harness/fixture.js': it also renders on the server (test/harness).",
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}', 'vite.config.ts', '.storybook/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // Issue 19: no fixed sleep synchronises a test or a page check. Wait on updateComplete, an
    // event or a predicate (test/harness/wait.ts, scripts/lib/browser.mjs `settled`). A deadline or
    // a poll interval bounded by one, and time that is the scenario's input (a reader's pace), say
    // so in an eslint-disable comment.
    files: ['test/**/*.ts', 'scripts/**/*.mjs'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.name='aTimeout'], CallExpression[callee.property.name='waitForTimeout']",
          message: 'A fixed sleep: wait on updateComplete, an event or a predicate instead.',
        },
        {
          selector:
            "NewExpression[callee.name='Promise'] > ArrowFunctionExpression > CallExpression.body[callee.name='setTimeout']",
          message: 'A fixed sleep: wait on updateComplete, an event or a predicate instead.',
        },
      ],
    },
  },
);
