/**
 * `gazette/ssr`: renders Gazette's elements to HTML on the server (Node), with declarative shadow
 * DOM, through `@lit-labs/ssr`. Importing it registers every element in Lit's server registry.
 *
 * ```ts
 * import { html } from 'lit';
 * import { renderToString } from 'gazette/ssr';
 * const page = await renderToString(html`<gz-article-header section="Politik" …>…</gz-article-header>`, { lang: 'de' });
 * ```
 *
 * In the browser, load Lit's hydrate support before the elements, so they take over the server's
 * shadow DOM instead of rendering it again:
 *
 * ```ts
 * import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
 * import 'gazette/all.js';
 * ```
 *
 * The server sees no page around the template: `lang` and `dir` tell the elements what the page
 * speaks (an element's own `lang`/`dir` attribute wins; an element rendered inside another's shadow
 * root speaks its host's language). Server output holds `<style>` elements and `style` attributes:
 * a Content Security Policy needs `style-src 'unsafe-inline'` (or hashes) for it.
 *
 * @module
 */
import { LitElementRenderer, render as renderLit, type RenderInfo, type RenderResult } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { decideServerBios } from './components/author-card/server-bio.js';
import { localizeOnServer, type ServerLocale } from './controllers/localize.js';
import './all.js';

export type { RenderResult } from '@lit-labs/ssr';

export interface RenderOptions {
  /** The language of the page the elements are rendered into (`<html lang>`): `de`, `en-GB`, ... Default English. */
  lang?: string;
  /** The page's direction, when not the language's own. */
  dir?: 'ltr' | 'rtl';
  /** Further `@lit-labs/ssr` render options (`deferHydration`, more element renderers, ...). */
  renderInfo?: Partial<RenderInfo>;
}

/**
 * Renders a Lit template (usually the part of a page that holds Gazette's elements) as a stream of
 * HTML strings, as `@lit-labs/ssr`'s `render` does: give it to `RenderResultReadable` or
 * `collectResult`, or use `renderToString`.
 */
export function render(value: unknown, options: RenderOptions = {}): RenderResult {
  const hosts: RenderInfo['customElementHostStack'] = [];
  const page: ServerLocale = { lang: options.lang, dir: options.dir };
  const resolved = new WeakMap<object, ServerLocale>();
  /** Tells each element what its context speaks before it renders: its host's language, else the page's. */
  class GazetteRenderer extends LitElementRenderer {
    override connectedCallback(): void {
      const host = hosts.at(-1)?.element;
      const context = (host && resolved.get(host)) || page;
      const own = localizeOnServer(this.element, context);
      resolved.set(this.element, own ?? context);
      super.connectedCallback();
    }
  }
  const extra = options.renderInfo?.elementRenderers ?? [];
  return decideServerBios(
    renderLit(value, {
      ...options.renderInfo,
      elementRenderers: [...extra, GazetteRenderer],
      customElementHostStack: hosts,
    }),
  );
}

/** Renders a Lit template to one string of HTML. */
export function renderToString(value: unknown, options?: RenderOptions): Promise<string> {
  return collectResult(render(value, options));
}
