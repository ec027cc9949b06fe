// @ts-check
/**
 * Writes `vscode.html-custom-data.json` from `custom-elements.json`, so editors that read VS Code's
 * HTML custom data complete Gazette's tags and attributes with their descriptions. Run by
 * `npm run analyze` after the manifest is generated.
 */
import { readFileSync, writeFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));

/** Values of a union of string literals (`'card' | 'compact'`), for attribute value completion. */
function literalValues(type = '') {
  const parts = type.split('|').map((p) => p.trim());
  return parts.every((p) => /^'[^']*'$/.test(p)) ? parts.map((p) => ({ name: p.slice(1, -1) })) : undefined;
}

const tags = manifest.modules
  .flatMap((/** @type {any} */ mod) => mod.declarations ?? [])
  .filter((/** @type {any} */ decl) => decl.tagName)
  .map((/** @type {any} */ decl) => ({
    name: decl.tagName,
    description: [decl.summary, decl.description].filter(Boolean).join('\n\n'),
    attributes: (decl.attributes ?? []).map((/** @type {any} */ attr) => {
      const values = literalValues(attr.type?.text);
      return {
        name: attr.name,
        description: attr.description ?? '',
        ...(values ? { values } : {}),
        ...(attr.type?.text === 'boolean' ? { valueSet: 'v' } : {}),
      };
    }),
    references: [
      {
        name: 'Storybook',
        url: `https://gazette.example/storybook/?path=/docs/elements-${decl.tagName.slice(3)}--docs`,
      },
    ],
  }));

writeFileSync('vscode.html-custom-data.json', JSON.stringify({ version: 1.1, tags }, null, 2) + '\n');
console.log(`vscode.html-custom-data.json: ${tags.length} tags`);
