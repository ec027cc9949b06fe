/**
 * What the hostile suite looks for after every input: elements that must never appear, URLs with a
 * protocol outside the allowlist, inline event handlers, and calls of the tripwire. It walks the
 * DOM (light and shadow trees), never a regex over markup.
 */
export const FORBIDDEN_TAGS = new Set([
  'script',
  'iframe',
  'object',
  'embed',
  'base',
  'meta',
  'form',
  'frame',
  'frameset',
  'link',
]);
const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:', 'tel:']);
const URL_ATTRIBUTES: [selector: string, attribute: string][] = [
  ['a[href], area[href]', 'href'],
  ['img[src], source[src], video[src], audio[src], track[src], input[src]', 'src'],
  ['video[poster]', 'poster'],
  ['form[action]', 'action'],
  ['button[formaction], input[formaction]', 'formaction'],
  ['use[href], image[href]', 'href'],
];

export interface Finding {
  kind: 'forbidden element' | 'bad protocol' | 'event handler';
  detail: string;
}

/** The element, its descendants and everything inside their shadow roots. */
function* composedTree(root: Element): Generator<Element> {
  const stack: (Element | ShadowRoot)[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node instanceof Element) yield node;
    if (node instanceof Element && node.shadowRoot) stack.push(node.shadowRoot);
    for (const child of node.children) stack.push(child);
  }
}

function protocolOf(value: string): string | undefined {
  try {
    return new URL(value, document.baseURI).protocol;
  } catch {
    return undefined; // the browser would not follow it either
  }
}

/**
 * A forbidden element. A JSON-LD data block (`<script type="application/ld+json">`, what
 * `<gz-article-header json-ld>` writes) is not executable, so it is not one.
 */
function forbidden(el: Element): boolean {
  if (el instanceof HTMLScriptElement && el.type === 'application/ld+json') return false;
  return FORBIDDEN_TAGS.has(el.localName);
}

/** Everything wrong under `root`, in light and shadow DOM. */
export function inspect(root: Element): Finding[] {
  const findings: Finding[] = [];
  for (const el of composedTree(root)) {
    // The element under test carries the hostile value as its own attribute: that is the input,
    // not an output. What it renders from it is what counts.
    if (el === root) continue;
    const tag = el.localName;
    const inShadow = el.getRootNode() instanceof ShadowRoot;
    // An element's own UI may contain a form (the subscribe button's e-mail form); data may not.
    if (forbidden(el) && !(tag === 'form' && inShadow)) {
      findings.push({ kind: 'forbidden element', detail: `<${tag}> in ${inShadow ? 'shadow' : 'light'} DOM` });
    }
    for (const attr of el.attributes) {
      if (attr.name.startsWith('on')) findings.push({ kind: 'event handler', detail: `${attr.name} on <${tag}>` });
    }
    for (const [selector, attribute] of URL_ATTRIBUTES) {
      if (!el.matches(selector)) continue;
      const value = el.getAttribute(attribute) ?? '';
      const protocol = protocolOf(value);
      if (protocol && !ALLOWED_PROTOCOLS.has(protocol)) {
        findings.push({ kind: 'bad protocol', detail: `${attribute}="${value.slice(0, 80)}" on <${tag}>` });
      }
    }
    if (el.matches('img[srcset], source[srcset]')) {
      for (const candidate of (el.getAttribute('srcset') ?? '').split(',')) {
        const url = candidate.trim().split(/\s+/)[0] ?? '';
        const protocol = url ? protocolOf(url) : undefined;
        if (protocol && !ALLOWED_PROTOCOLS.has(protocol)) {
          findings.push({ kind: 'bad protocol', detail: `srcset candidate ${url.slice(0, 80)} on <${tag}>` });
        }
      }
    }
  }
  return findings;
}

/** Counts every way a vector could run: the tripwire and the dialogs a payload would open. */
export function installTripwire(): { calls: () => number; restore: () => void } {
  const w = window as unknown as Record<string, unknown>;
  const saved = { alert: w.alert, confirm: w.confirm, prompt: w.prompt, print: w.print };
  let calls = 0;
  const trip = () => {
    calls++;
  };
  w.__gzTripwire = trip;
  for (const name of Object.keys(saved)) w[name] = trip;
  return {
    calls: () => calls,
    restore: () => {
      Object.assign(w, saved);
      delete w.__gzTripwire;
    },
  };
}

/** Counts uncaught exceptions and unhandled rejections while installed. */
export function watchUncaught(): { errors: () => string[]; restore: () => void } {
  const errors: string[] = [];
  const onError = (e: ErrorEvent) => errors.push(String(e.message));
  const onRejection = (e: PromiseRejectionEvent) => errors.push(String(e.reason));
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    errors: () => errors,
    restore: () => {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}

/** Records forbidden elements added anywhere in the document's light DOM. */
export function watchDocument(): { added: () => string[]; restore: () => void } {
  const added: string[] = [];
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (!(node instanceof Element)) continue;
        for (const el of [node, ...node.querySelectorAll('*')]) {
          if (forbidden(el)) added.push(`<${el.localName}>`);
        }
      }
    }
  });
  observer.observe(document, { childList: true, subtree: true });
  return { added: () => added, restore: () => observer.disconnect() };
}
