// @ts-check
/** Small statistics for the benchmark report. Pure functions. */

/** @param {number[]} xs */
export function median(xs) {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (s.length === 0) return Number.NaN;
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/**
 * 95% interval of the median by order statistics (normal approximation of the binomial):
 * the sorted samples at n/2 ∓ 1.96·√n/2. With fewer than 6 samples, the range.
 * @param {number[]} xs
 * @returns {[number, number]}
 */
export function medianInterval(xs) {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  const n = s.length;
  if (n === 0) return [Number.NaN, Number.NaN];
  if (n < 6) return [s[0], s[n - 1]];
  const half = (1.96 * Math.sqrt(n)) / 2;
  const lo = Math.max(0, Math.floor(n / 2 - half));
  const hi = Math.min(n - 1, Math.ceil(n / 2 + half) - 1);
  return [s[lo], s[hi]];
}

/** A seeded generator, so a report is reproducible from its samples. */
function random(seed = 1) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * Ratio of medians a/b with a 95% percentile-bootstrap interval (2,000 resamples).
 * @param {number[]} a
 * @param {number[]} b
 * @returns {[number, number, number]}
 */
export function bootstrapRatio(a, b, resamples = 2000) {
  const xa = a.filter(Number.isFinite);
  const xb = b.filter(Number.isFinite);
  if (xa.length === 0 || xb.length === 0) return [Number.NaN, Number.NaN, Number.NaN];
  const rnd = random(42);
  const pick = (/** @type {number[]} */ xs) => xs.map(() => xs[Math.floor(rnd() * xs.length)]);
  const ratios = [];
  for (let i = 0; i < resamples; i++) ratios.push(median(pick(xa)) / median(pick(xb)));
  ratios.sort((x, y) => x - y);
  return [median(xa) / median(xb), ratios[Math.floor(resamples * 0.025)], ratios[Math.ceil(resamples * 0.975) - 1]];
}
