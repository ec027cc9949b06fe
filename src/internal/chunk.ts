/**
 * A loader for an on-demand chunk (`chunk(() => import('./flow.js'))`): one request for every
 * element on the page, asked for again after a failure (a reader who was offline retries), and
 * the module at hand synchronously (`loader.loaded`) once it has arrived.
 */
export interface ChunkLoader<T> {
  (): Promise<T>;
  /** The module, once it has loaded. */
  readonly loaded: T | undefined;
}

export function chunk<T>(load: () => Promise<T>): ChunkLoader<T> {
  let pending: Promise<T> | undefined;
  let loaded: T | undefined;
  const loader = () =>
    (pending ??= load().then(
      (module) => (loaded = module),
      (error: unknown) => {
        pending = undefined;
        throw error;
      },
    ));
  return Object.defineProperty(loader, 'loaded', { get: () => loaded }) as ChunkLoader<T>;
}
