/**
 * 100 article headers published 1 to 100 minutes ago. `?offscreen` puts them below a tall spacer,
 * so nothing of them is visible (the idle-CPU case: their timers must not wake the page).
 */
export const HEADERS = 100;
export const publishedAt = (i: number, now = Date.now()) => new Date(now - (i + 1) * 60_000 - 5_000);
export const headline = (i: number) => `Energiewende im Norden, Folge ${i + 1}: Können die Netze mithalten?`;

export function stage(): HTMLElement {
  const root = document.getElementById('root')!;
  if (new URLSearchParams(location.search).has('offscreen')) {
    root.appendChild(document.createElement('div')).style.blockSize = '100000px';
  }
  return root;
}

const relative = new Intl.RelativeTimeFormat('de-DE', { numeric: 'auto' });
/** `vor 5 Minuten`, as the page shows a recent date. */
export const relativeText = (date: Date, now = Date.now()) => {
  const minutes = Math.round((date.getTime() - now) / 60_000);
  return Math.abs(minutes) < 60
    ? relative.format(minutes, 'minute')
    : relative.format(Math.round(minutes / 60), 'hour');
};
