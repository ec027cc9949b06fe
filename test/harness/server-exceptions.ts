/**
 * Tests that run client-rendered only, also in the server-rendered run, each with the reason. The
 * harness (test/harness/fixture.ts) skips them there, by their full title (mocha joins titles with a space), so the test files stay
 * as they are. A reason that names a behaviour ("after hydration ...") is a finding to fix in the
 * element, not a property of the test: remove the entry with the fix.
 */
export const CLIENT_ONLY_TESTS: [title: RegExp, reason: string][] = [
  [
    /^<gz-author-card> bad input drops the URL "\\u0000javascript/,
    'a NUL character cannot travel through the server-rendered HTML as an attribute value',
  ],
];
