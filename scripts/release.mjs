// @ts-check
/**
 * `npm run release`: one command from a clean main to a published version.
 *
 *   npm run release                  build, npm test, checks, changelog, pack, then `npm publish --provenance`
 *   npm run release -- --dry-run     the checks, the changelog section and the tarball, nothing written or published
 *   npm run release -- --dry-run --full   the same, with the build and `npm test` first
 *
 * The checks are those a registry release needs: a clean git tree; a semver version that is not
 * yet published and has no git tag; `name`, `license`, `repository` (npm's provenance statement
 * links the package to it), `files`; the tarball holds every `exports` target, the README, the
 * LICENSE and the manifest, and nothing outside the paths and limits of
 * `scripts/lib/package-contents.mjs`; `publint --strict` and attw (`npm run lint:package`).
 * `--provenance` needs a CI job with an OIDC token (GitHub Actions with `permissions: id-token:
 * write`): outside one, the release stops before publishing and prints the command. The changelog section lists the commit subjects since the last `v*` tag.
 *
 * In a dry run, problems that only block publishing (no repository URL, not in CI, a dirty tree)
 * are reported as such and the run still exits 0; anything broken in the package fails it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { packageProblems } from './lib/package-contents.mjs';

const { values: flags } = parseArgs({
  options: { 'dry-run': { type: 'boolean', default: false }, full: { type: 'boolean', default: false } },
});
const dryRun = flags['dry-run'];
const root = resolve(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** @param {string} command @param {string[]} args */
const out = (command, args) => execFileSync(command, args, { cwd: root, encoding: 'utf8', stdio: 'pipe' }).trim();
/** @param {string} command */
function step(command) {
  console.log(`\n▶ ${command}`);
  const run = spawnSync(command, { cwd: root, shell: true, stdio: 'inherit' });
  if (run.status !== 0) fail(`${command} failed`);
}
/** @param {string} message @returns {never} */
function fail(message) {
  console.error(`✗ release: ${message}`);
  process.exit(1);
}

/** @type {string[]} */ const blockers = [];
/** @type {string[]} */ const broken = [];
const ok = (/** @type {string} */ message) => console.log(`  ✓ ${message}`);

// 1. The tree and the version.
const dirty = out('git', ['status', '--porcelain']);
if (dirty) blockers.push(`the git tree has uncommitted changes:\n${dirty}`);
else ok('clean git tree');
if (!/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(pkg.version ?? '')) broken.push(`version "${pkg.version}" is not semver`);
const tag = `v${pkg.version}`;
if (out('git', ['tag', '--list', tag])) blockers.push(`git tag ${tag} exists: bump the version (npm version minor)`);
else ok(`${tag} is not tagged yet`);
for (const field of ['name', 'license', 'files', 'exports', 'types']) {
  if (!pkg[field]) broken.push(`package.json has no "${field}"`);
}
/**
 * The repository a release comes from, as `host/owner/name`: the CI job's (GitHub Actions names it),
 * else the `origin` remote's; undefined when neither is known.
 */
function sourceRepository() {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo } = process.env;
  if (server && repo) return `${new URL(server).host}/${repo}`.toLowerCase();
  const remote = spawnSync('git', ['remote', 'get-url', 'origin'], { cwd: root, encoding: 'utf8' });
  return remote.status === 0 ? normalizeRepository(remote.stdout.trim()) : undefined;
}
/** `git+https://github.com/a/b.git`, `git@github.com:a/b.git` → `github.com/a/b`. @param {string} url */
function normalizeRepository(url) {
  return url
    .replace(/^git\+/, '')
    .replace(/^[a-z+]+:\/\/(?:[^@/]+@)?/i, '')
    .replace(/^[^@/]+@([^:]+):/, '$1/')
    .replace(/\.git$/, '')
    .toLowerCase();
}
const repositoryUrl = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
if (!repositoryUrl) {
  blockers.push('package.json has no repository.url: npm publish --provenance needs it to match the CI repository');
} else {
  // A placeholder passes a presence check and then fails provenance at publish (or, worse, points
  // users at someone else's repository): the URL must be the one the release is built from.
  const source = sourceRepository();
  if (!source) blockers.push(`repository ${repositoryUrl}: no CI repository or git remote "origin" to compare it with`);
  else if (normalizeRepository(repositoryUrl) !== source) {
    blockers.push(`repository ${repositoryUrl} is not the repository this release is built from (${source})`);
  } else ok(`repository ${repositoryUrl}`);
}
for (const field of ['bugs', 'homepage']) {
  if (!pkg[field]) blockers.push(`package.json has no "${field}" (the registry page links it)`);
}
if (!dryRun) {
  // A published version cannot be replaced: ask the registry (404 is the answer we want).
  const view = spawnSync('npm', ['view', `${pkg.name}@${pkg.version}`, 'version'], { cwd: root, encoding: 'utf8' });
  if (view.status === 0 && view.stdout.trim()) blockers.push(`${pkg.name}@${pkg.version} is already on the registry`);
  else ok(`${pkg.name}@${pkg.version} is not on the registry yet`);
}
const ci = process.env['GITHUB_ACTIONS'] === 'true' && process.env['ACTIONS_ID_TOKEN_REQUEST_URL'];
if (!ci) blockers.push('not in a CI job with an OIDC token (GitHub Actions, id-token: write): --provenance needs one');

// 2. Build and test (the real release always; a dry run with --full).
if (!dryRun || flags.full) {
  step('npm run build');
  step('npm test');
} else if (!existsSync(join(root, 'dist/index.js'))) {
  fail('dist/ is missing: run npm run build first, or --full');
}
step('npm run --silent lint:package');

// 3. The changelog section: commit subjects since the last v* tag.
const lastTag = spawnSync('git', ['describe', '--tags', '--abbrev=0', '--match', 'v*'], {
  cwd: root,
  encoding: 'utf8',
});
const range = lastTag.status === 0 ? `${lastTag.stdout.trim()}..HEAD` : 'HEAD';
const subjects = out('git', ['log', '--no-merges', '--format=- %s', range]);
const section = `## ${pkg.version} (${new Date().toISOString().slice(0, 10)})\n\n${subjects || '- no changes'}\n`;
console.log(
  `\nChangelog section (${subjects.split('\n').filter(Boolean).length} commits since ${lastTag.status === 0 ? lastTag.stdout.trim() : 'the start'}):`,
);
console.log(section.split('\n').slice(0, 12).join('\n') + (subjects.split('\n').length > 9 ? '\n  …' : ''));

// 4. Pack, and check what the tarball holds.
const folder = mkdtempSync(join(tmpdir(), 'gz-release-'));
const [pack] = JSON.parse(out('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', folder]));
const files = new Set(pack.files.map((/** @type {{ path: string }} */ f) => f.path));
/** Every file an `exports` entry points to (wildcards: some file of the folder is in the tarball). */
/** @param {unknown} value @returns {string[]} */
const leaves = (value) =>
  typeof value === 'string' ? [value] : Object.values(/** @type {object} */ (value ?? {})).flatMap(leaves);
const targets = leaves(pkg.exports).map((target) => target.replace(/^\.\//, ''));
for (const target of targets) {
  if (target.includes('*')) {
    const dir = target.slice(0, target.indexOf('*'));
    if (![...files].some((f) => f.startsWith(dir)))
      broken.push(`no file in the tarball matches exports target ${target}`);
  } else if (!files.has(target)) broken.push(`exports target ${target} is not in the tarball`);
}
for (const required of ['package.json', 'README.md', 'LICENSE', 'custom-elements.json']) {
  if (!files.has(required)) broken.push(`${required} is not in the tarball`);
}
// The paths and limits check-package holds the tarball to: sources, tests, tooling or source maps
// of unminified files are outside them.
broken.push(...packageProblems(pack));
const forbidden = ['chromedriver', 'tachometer'].filter(
  (name) => pkg.dependencies?.[name] || pkg.optionalDependencies?.[name] || pkg.peerDependencies?.[name],
);
if (forbidden.length) broken.push(`dev tooling among the published dependencies: ${forbidden.join(', ')}`);
if (!broken.length) {
  ok(`${pack.filename}: ${pack.entryCount} files, ${(pack.size / 1e3).toFixed(0)} kB, every exports target present`);
}

// 5. Publish, or say what stands in the way.
const publish = `npm publish ${join(folder, pack.filename)} --provenance --access public`;
if (broken.length) {
  rmSync(folder, { recursive: true, force: true });
  fail(`the package is not releasable:\n  - ${broken.join('\n  - ')}`);
}
if (dryRun) {
  console.log(`\nDry run: would prepend the section to CHANGELOG.md, tag ${tag} and run:\n  ${publish}`);
  if (blockers.length) console.log(`Before a real release:\n  - ${blockers.join('\n  - ')}`);
  rmSync(folder, { recursive: true, force: true });
  process.exit(0);
}
if (blockers.length)
  fail(`not publishing:\n  - ${blockers.join('\n  - ')}\nThe tarball: ${join(folder, pack.filename)}`);
const changelog = join(root, 'CHANGELOG.md');
const previous = existsSync(changelog) ? readFileSync(changelog, 'utf8').replace(/^# Changelog\n+/, '') : '';
writeFileSync(changelog, `# Changelog\n\n${section}\n${previous}`);
step(`git add CHANGELOG.md && git commit -m "Release ${tag}" && git tag ${tag}`);
step(publish);
step('git push --follow-tags');
