// @ts-check
/**
 * Compiles Lit's `@property()` and `@state()` field decorators into one `static properties` object
 * per class at build time (npm, CDN, the demo and the size script's builds).
 *
 * The sources keep the decorators: TypeScript's types, the custom-elements manifest
 * (`cem analyze --litelement` reads attributes, types, defaults and descriptions from them) and
 * lit-analyzer all read the source. What TypeScript's legacy decorators compile to is one
 * `__decorate([property({…})], Class.prototype, "name", void 0)` call per field plus the helper
 * (98 calls, about 0.9 kB gzip in the CDN module); Lit reads the same options from
 * `static properties`, which is what this writes:
 *
 *   @property({ type: Number }) max = 3;        →  max = 3;
 *   @state() private _open = false;                  _open = false;
 *                                               and at the start of the class body:
 *                                                  static properties = {max: { type: Number }, _open: {state: true}};
 *
 * Lit creates the properties when the class is finalized (on `define`) instead of when the class
 * is evaluated, with the same options: `@state(o)` is `property({...o, state: true})`, which Lit
 * turns into `attribute: false`. An uncached `@query(selector) x!: T` becomes the getter Lit's
 * decorator defines (`this.renderRoot?.querySelector(selector) ?? null`). Other decorators are left
 * to TypeScript. A class that already has its own `static properties` is left as it is.
 */
import { parseSync } from 'vite';
import { applyEdits, sourceRewrite, walk } from './lit-css.mjs';

/**
 * @typedef {{ type: string, start: number, end: number, [key: string]: any }} Node
 */

/**
 * The module with its classes' `@property`/`@state` decorators compiled into `static properties`,
 * or `undefined` when it has none.
 * @param {string} code  TypeScript
 * @param {string} id
 */
export function staticProperties(code, id) {
  if (!code.includes('@property(') && !code.includes('@state(')) return undefined;
  const { program } = parseSync(id, code);
  /** @type {{ start: number, end: number, text: string }[]} */
  const edits = [];
  walk(program, (node) => {
    if (node.type !== 'ClassDeclaration' && node.type !== 'ClassExpression') return;
    /** @type {Node[]} */
    const members = node.body.body;
    const own = members.some((m) => m.static && m.key?.type === 'Identifier' && m.key.name === 'properties');
    if (own) return;
    /** @type {string[]} */
    const entries = [];
    for (const member of members) {
      if (member.type !== 'PropertyDefinition' || member.static || member.computed) continue;
      if (member.key.type !== 'Identifier') continue;
      for (const decorator of /** @type {Node[]} */ (member.decorators ?? [])) {
        const call = decorator.expression;
        if (call.type !== 'CallExpression' || call.callee.type !== 'Identifier') continue;
        const kind = call.callee.name;
        if (kind === 'query' && call.arguments.length === 1 && !member.value && member.decorators.length === 1) {
          // `@query(s) x!: T` (uncached) is Lit's getter, as the decorator would define it.
          const selector = code.slice(call.arguments[0].start, call.arguments[0].end);
          const getter = `get ${member.key.name}() { return this.renderRoot?.querySelector(${selector}) ?? null; }`;
          edits.push({ start: member.start, end: member.end, text: getter });
          continue;
        }
        if (kind !== 'property' && kind !== 'state') continue;
        if (call.arguments.length > 1 || call.arguments[0]?.type === 'SpreadElement') continue;
        const options = call.arguments[0] ? code.slice(call.arguments[0].start, call.arguments[0].end) : '';
        const value = kind === 'state' ? (options ? `{...${options}, state: true}` : '{state: true}') : options || '{}';
        entries.push(`${member.key.name}: ${value.replace(/\s*\n\s*/g, ' ')}`);
        // The decorator and the whitespace after it (the field stays where it was).
        let end = decorator.end;
        while (end < code.length && (code[end] === ' ' || code[end] === '\t')) end++;
        edits.push({ start: decorator.start, end, text: '' });
      }
    }
    if (entries.length === 0) return;
    edits.push({
      start: node.body.start + 1,
      end: node.body.start + 1,
      text: ` static properties = {${entries.join(', ')}};`,
    });
  });
  if (edits.length === 0) return undefined;
  edits.sort((a, b) => a.start - b.start);
  return applyEdits(code, id, edits);
}

/**
 * Vite plugin: `@property`/`@state` in `src/` compiled into `static properties`.
 * @returns {import('vite').Plugin}
 */
export function litStaticProperties() {
  return sourceRewrite('gz-static-properties', staticProperties);
}
