// @ts-check
/**
 * The custom-elements manifest (`custom-elements.json`) is generated from the JSDoc on each
 * element's class (`@summary`, `@slot`, `@csspart`, `@cssproperty`, `@cssstate`, `@event`).
 * Members marked `@internal` or private are left out.
 */
/** Tags registered through `GzX.define('gz-x')` in the registration modules, by class name. */
const tags = new Map();

export default {
  globs: ['src/components/**/*.component.ts', 'src/components/**/!(*.styles|*.component).ts'],
  exclude: ['src/**/*.test.ts'],
  outdir: '.',
  litelement: true,
  plugins: [
    {
      // Gazette registers tags with GzElement.define(), not customElements.define(): read the tag
      // from the registration module and put it on the class, as the analyzer would.
      name: 'gz-define',
      analyzePhase({ ts, node, moduleDoc }) {
        if (!ts.isCallExpression(node)) return;
        const callee = node.expression;
        const [tag] = node.arguments;
        if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'define') return;
        if (!tag || !ts.isStringLiteral(tag) || !ts.isIdentifier(callee.expression)) return;
        const className = callee.expression.text;
        tags.set(className, tag.text);
        moduleDoc.exports = [
          ...(moduleDoc.exports ?? []),
          {
            kind: 'custom-element-definition',
            name: tag.text,
            declaration: { name: className, module: moduleDoc.path.replace(/\.ts$/, '.component.ts') },
          },
        ];
      },
      packageLinkPhase({ customElementsManifest }) {
        for (const mod of customElementsManifest.modules ?? []) {
          for (const decl of mod.declarations ?? []) {
            const tag = tags.get(decl.name);
            if (tag) Object.assign(decl, { tagName: tag, customElement: true });
          }
        }
      },
    },
    {
      name: 'gz-hide-private',
      packageLinkPhase({ customElementsManifest }) {
        for (const mod of customElementsManifest.modules ?? []) {
          for (const decl of mod.declarations ?? []) {
            if (!decl.members) continue;
            decl.members = decl.members.filter(
              (/** @type {any} */ m) => m.privacy !== 'private' && m.privacy !== 'protected' && !m.name.startsWith('_'),
            );
          }
        }
      },
    },
    {
      // A tag's description ends only at the next tag, so prose written after the last
      // `@cssproperty` became that property's description (the docs showed a paragraph on JSON-LD
      // as a font size's). A paragraph after a blank line among the tags fails the analysis.
      name: 'gz-prose-before-tags',
      analyzePhase({ ts, node, moduleDoc }) {
        if (!ts.isClassDeclaration(node) || !node.name) return;
        for (const range of ts.getLeadingCommentRanges(node.getSourceFile().text, node.pos) ?? []) {
          const comment = node.getSourceFile().text.slice(range.pos, range.end);
          const tagsStart = comment.search(/\n\s*\*\s*@\w/);
          if (tagsStart < 0) continue;
          const prose = /\n\s*\*\s*\n\s*\*\s*([^@\s/][^\n]*)/.exec(comment.slice(tagsStart));
          if (prose) {
            throw new Error(
              `${moduleDoc.path} ${node.name.text}: "${prose[1]}" follows the JSDoc tags and would become ` +
                "the previous tag's description; move it above the tags.",
            );
          }
        }
      },
    },
    {
      // The analyzer also guesses events from `dispatchEvent(new GzXEvent(detail))`, naming them
      // after the constructor's first argument ("detail", or nothing). Gazette's event classes hold
      // their names themselves and `@event` documents them: drop the guesses for documented types.
      name: 'gz-documented-events',
      packageLinkPhase({ customElementsManifest }) {
        for (const mod of customElementsManifest.modules ?? []) {
          for (const decl of mod.declarations ?? []) {
            if (!decl.events) continue;
            const documented = new Set(
              decl.events.filter((/** @type {any} */ e) => e.description).map((/** @type {any} */ e) => e.type?.text),
            );
            decl.events = decl.events.filter((/** @type {any} */ e) => e.description || !documented.has(e.type?.text));
          }
        }
      },
    },
  ],
};
