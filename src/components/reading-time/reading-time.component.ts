import { html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { canonicalLocale, LocalizeController } from '../../controllers/localize.js';
import { optionalNumber } from '../../internal/converters.js';
import { ArticleBodyConsumer } from '../../internal/contexts.js';
import { GzElement } from '../../internal/gz-element.js';
import { afterHydration } from '../../internal/hydration.js';
import { capped, warnOnce } from '../../internal/warn.js';
import { hostStyles } from '../../styles/host.styles.js';
import { closestComposed, countOf, DEFAULT_WORDS_PER_MINUTE, readingMinutes, type TextCount } from './count.js';
import { styles } from './reading-time.styles.js';

const MIN_SPEED = 1;
const MAX_SPEED = 10_000;

/**
 * The time an article takes to read: `Lesezeit: 3 min` in German, `3 min read` in English.
 *
 * It counts the words of its target with `Intl.Segmenter` in the target's language: the element
 * named by `for`, else the `<gz-article-body>` it sits in, else the one in its `<article>` or page.
 * `script`, `style`, `pre`, `code` and `figcaption` are not counted; Han, kana and other scripts
 * without spaces count by character (500 a minute); each image adds 12 seconds, one less for each
 * next, never below 3. The default speed is 238 words a minute (Brysbaert 2019). It recounts when
 * the target's text changes, once per frame at most.
 *
 * @summary Reading time of an article, counted or given.
 *
 * @slot - Replaces the visible label. The accessible text stays the long form ("Lesezeit: 3 Minuten").
 *
 * @csspart base - The wrapper around the text.
 * @csspart time - The `<time>` element, whose `datetime` is an ISO 8601 duration (`PT3M`).
 * @csspart label - The visible label.
 *
 * @cssproperty --gz-reading-time-color - Text colour. Default `--gz-color-text-muted`.
 * @cssproperty --gz-reading-time-font-family - Font. Default `--gz-font-ui`.
 * @cssproperty --gz-reading-time-font-size - Font size. Default `--gz-font-size-s`.
 *
 * @cssstate counted - The minutes come from counting the target's text.
 * @cssstate empty - There is nothing to show: no target was found and no `minutes` given.
 */
export class GzReadingTime extends GzElement {
  static override styles = [hostStyles, styles];

  /** The id of the element whose text is counted (in the same document or shadow root). */
  @property({ attribute: 'for' }) for: string | null = null;

  /**
   * Minutes to show instead of counting (rounded, at least 1): the `minutes` attribute. `null`
   * counts again. Setting `el.minutes` sets this too.
   */
  @property({ attribute: 'minutes', converter: optionalNumber }) fixedMinutes: number | null = null;

  /** Reading speed in words per minute, between 1 and 10,000. Default 238. */
  @property({ attribute: 'words-per-minute', converter: optionalNumber }) wordsPerMinute: number | null = null;

  /**
   * A label replacing the default text, with `{minutes}` where the number goes
   * (`label="Lesedauer: {minutes} Min."`).
   */
  @property() label: string | null = null;

  readonly #localize = new LocalizeController(this);
  readonly #internals = this.attachInternals();
  #observer: MutationObserver | undefined;
  #frame = 0;
  #contextTarget: Element | undefined;
  #minutes: number | undefined;
  #target: Element | undefined;
  #count: TextCount | undefined;

  constructor() {
    super();
    new ArticleBodyConsumer(this, (body) => {
      this.#contextTarget = body;
      if (!this.for) this.#resolveTarget();
    });
  }

  /** The number of words counted in the target, or `undefined` when nothing was counted. */
  get words(): number | undefined {
    return this.#count?.words;
  }

  /**
   * The minutes shown: given, or counted; `undefined` when there is nothing to show. Setting it
   * gives the minutes, as the `minutes` attribute does (`el.minutes = 3`; `null` counts again):
   * it sets `fixedMinutes`, and reads back at once.
   */
  get minutes(): number | undefined {
    const fixed = this.fixedMinutes;
    if (fixed !== null && Number.isFinite(fixed) && fixed > 0) return Math.max(1, Math.round(fixed));
    return this.#minutes;
  }
  set minutes(value: number | null | undefined) {
    this.fixedMinutes = value ?? null;
  }

  /** The element whose text is counted, if any. */
  get target(): Element | undefined {
    return this.#target;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#resolveTarget();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Forget the target: text may change while disconnected, so reconnecting counts afresh.
    this.#target = undefined;
    this.#observe(undefined);
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('for') && this.isConnected && changed.get('for') !== undefined) this.#resolveTarget();
    // Given minutes win; else the count at the speed (checked, and warned about, only then).
    const fixed = this.#validMinutes();
    let minutes = fixed;
    if (fixed === undefined) {
      const speed = this.#speed();
      if (this.#count) minutes = readingMinutes(this.#count, speed);
    }
    this.#minutes = minutes;
    const states = this.#internals.states;
    states.clear();
    if (minutes === undefined) states.add('empty');
    else if (fixed === undefined) states.add('counted');
  }

  protected override render() {
    const minutes = this.#minutes;
    if (minutes === undefined) return nothing;
    const terms = this.#localize.terms;
    const number = this.#localize.number(minutes);
    const l = this.#localize;
    const short = this.label
      ? capped(this, 'label', this.label).replaceAll('{minutes}', number)
      : l.mark('readingTimeShort', terms.readingTimeShort(number));
    const long = l.mark('readingTimeLong', terms.readingTimeLong(l.unit('minute', minutes, 'long')));
    return html`<span part="base" class="base" lang=${this.#localize.lang} dir=${this.#localize.dir}
      ><time part="time" datetime="PT${minutes}M"
        ><span part="label" aria-hidden="true"><slot>${short}</slot></span
        ><span class="visually-hidden">${long}</span></time
      ></span
    >`;
  }

  /** A valid `minutes` attribute as whole minutes, else undefined (with one warning). */
  #validMinutes(): number | undefined {
    const value = this.fixedMinutes;
    if (value === null || value === undefined) return undefined;
    if (Number.isFinite(value) && value > 0) return Math.max(1, Math.round(value));
    warnOnce(
      this,
      `minutes="${this.getAttribute('minutes') ?? value}" is not a positive number of minutes; counting words instead.`,
    );
    return undefined;
  }

  #speed(): number {
    const value = this.wordsPerMinute;
    if (value === null || value === undefined) return DEFAULT_WORDS_PER_MINUTE;
    if (Number.isFinite(value) && value >= MIN_SPEED && value <= MAX_SPEED) return value;
    warnOnce(
      this,
      `words-per-minute="${this.getAttribute('words-per-minute') ?? value}" is not a speed between ${MIN_SPEED} and ${MAX_SPEED}; using ${DEFAULT_WORDS_PER_MINUTE}.`,
    );
    return DEFAULT_WORDS_PER_MINUTE;
  }

  /** Finds the target: `for`, else the body from context, else a `<gz-article-body>` nearby. */
  #resolveTarget(): void {
    // The server could not count: the hydrating render shows what it showed, then this counts.
    afterHydration(this, () => this.#findTarget());
  }

  #findTarget(): void {
    let target: Element | undefined;
    if (this.for) {
      const root = this.getRootNode() as Document | ShadowRoot;
      target = root.getElementById?.(this.for) ?? document.getElementById(this.for) ?? undefined;
      if (!target) {
        if (document.readyState === 'loading') {
          document.addEventListener('DOMContentLoaded', () => this.isConnected && this.#resolveTarget(), {
            once: true,
          });
          return;
        }
        warnOnce(this, `for="${this.for}" names no element; give the id of the text to count, or set minutes.`);
      }
    } else {
      target =
        this.#contextTarget ??
        // Across shadow roots: a header's reading time belongs to the header's article, not the
        // page's first body (a page with two articles counted the first one twice).
        closestComposed(this, 'article')?.querySelector('gz-article-body') ??
        document.querySelector('gz-article-body') ??
        undefined;
    }
    if (target === this.#target) return;
    this.#target = target;
    this.#observe(target);
    this.#count = target ? countOf(target, this.#targetLang(target)) : undefined;
    this.requestUpdate();
  }

  #targetLang(target: Element): string {
    const lang = target.closest('[lang]')?.getAttribute('lang');
    return lang ? canonicalLocale(lang) : this.#localize.lang;
  }

  #observe(target: Element | undefined): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
    if (!target) return;
    this.#observer = new MutationObserver(() => {
      if (this.#frame) return;
      this.#frame = requestAnimationFrame(() => {
        this.#frame = 0;
        if (!this.#target) return;
        this.#count = countOf(this.#target, this.#targetLang(this.#target));
        this.requestUpdate();
      });
    });
    this.#observer.observe(target, { childList: true, subtree: true, characterData: true });
  }
}
