// @ts-check
/**
 * `npm run test:watch -- teaser-list`: the browser tests of one element (test/teaser-list*.test.ts),
 * client- and server-rendered, re-run on every change. Without a name, every browser test file.
 * Extra arguments go to web-test-runner (`-- teaser --group ssr` for the server-rendered run only).
 */
import { spawn } from 'node:child_process';

const [name, ...rest] = process.argv.slice(2);
const files = name && !name.startsWith('-') ? [`test/${name}*.test.ts`] : [];
const args = [...files, '--watch', ...(name?.startsWith('-') ? [name, ...rest] : rest)];
const child = spawn('npx', ['web-test-runner', ...args], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 1));
