// @ts-check
/**
 * What the published tarball may hold, and how big it may be: one rule for `check-package` (in
 * `npm test`) and `npm run release`. Each path family says why it ships; a file matching none of
 * them fails both, and so does growth past the limits. The tarball went from 175 to 315 files
 * (1.37 MB packed, 5.0 MB unpacked) in two sessions without anyone deciding it; a limit is raised
 * deliberately, in the commit that needs it, with its reason.
 */

/** @type {[pattern: RegExp, why: string][]} */
export const PACKAGE_PATHS = [
  [
    /^(package\.json|README\.md|LICENSE|custom-elements\.json|vscode\.html-custom-data\.json)$/,
    'the package, its manifest and editor data',
  ],
  [/^dist\/(?!cdn\/|development\/)[\w/.-]+\.(js|d\.ts|css)$/, 'npm modules (unminified, no maps), types, themes'],
  [/^dist\/development\/[\w/.-]+\.js$/, 'the `development` export condition: warnings as sentences'],
  [/^dist\/cdn\/(lang\/)?[\w.-]+\.js(\.map)?$/, 'CDN files, minified, each with its source map'],
  [/^dist\/cdn\/autoloader\/[\w.-]+\.js(\.map)?$/, "the autoloader's chunks, minified, each with its source map"],
  [/^dist\/cdn\/dev\/(lang\/)?[\w.-]+\.js$/, 'CDN development files: unminified, so no source maps'],
  [/^server\/[\w.-]+\.(mjs|d\.mts)$/, 'gazette/server and the gazette-subscriptions bin'],
];

/**
 * The limits, with room for a few more modules. At the time of writing: 306 files, 1,065 kB packed,
 * 3,922 kB unpacked (CDN maps 1,485 kB, CDN development files 835 kB, npm modules and types 516 kB,
 * development modules 337 kB, manifest, README and package.json 289 kB, server 66 kB).
 * Raised for the CDN autoloader (issue 15, session 7): its entry and 17 chunks with their maps are
 * 37 files and 955 kB unpacked (754 kB of it maps), 276 kB packed, for 340 files, 1,341 kB packed
 * and 4,912 kB unpacked. It has no development variant (dist/cdn/dev/gazette.js serves that).
 */
export const PACKAGE_LIMITS = { files: 370, packedKB: 1_450, unpackedKB: 5_300 };

/**
 * What is wrong with a tarball, as `npm pack --json` describes it: files outside the allowed
 * families, and counts or sizes past the limits. Empty when it is as decided.
 * @param {{ entryCount: number, size: number, unpackedSize: number, files: { path: string }[] }} pack
 * @returns {string[]}
 */
export function packageProblems(pack) {
  const problems = [];
  const stray = pack.files.map((f) => f.path).filter((path) => !PACKAGE_PATHS.some(([pattern]) => pattern.test(path)));
  if (stray.length) {
    problems.push(
      `${stray.length} file(s) outside the decided paths (scripts/lib/package-contents.mjs): ${stray.slice(0, 8).join(', ')}`,
    );
  }
  const { files, packedKB, unpackedKB } = PACKAGE_LIMITS;
  if (pack.entryCount > files) problems.push(`${pack.entryCount} files, over the limit of ${files}`);
  if (pack.size / 1e3 > packedKB) problems.push(`${(pack.size / 1e3).toFixed(0)} kB packed, over ${packedKB} kB`);
  if (pack.unpackedSize / 1e3 > unpackedKB)
    problems.push(`${(pack.unpackedSize / 1e3).toFixed(0)} kB unpacked, over ${unpackedKB} kB`);
  return problems;
}
