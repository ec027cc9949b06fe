/**
 * What a failed import of an optional peer dependency throws: which entry needs which packages
 * and the command that installs them, instead of a bare `ERR_MODULE_NOT_FOUND`. Other failures
 * (an error inside the module) pass through unchanged.
 */
export function missingPeer(entry: string, packages: readonly string[]) {
  return (error: unknown): never => {
    const code = (error as { code?: unknown } | null)?.code;
    const message = error instanceof Error ? error.message : '';
    const missing = code === 'ERR_MODULE_NOT_FOUND' || packages.some((name) => message.includes(name));
    if (!missing) throw error;
    throw new Error(
      `${entry} needs ${packages.join(' and ')} (${packages.length > 1 ? 'optional peer dependencies' : 'an optional peer dependency'} ` +
        `of gazette), which could not be loaded. Install it: npm install ${packages.join(' ')}`,
      { cause: error },
    );
  };
}
