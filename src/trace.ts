/**
 * Phase timings for operators tuning an installation: set STRA_TRACE=1 and each traced phase
 * prints its duration on stderr. Off by default; costs nothing when off.
 */
const enabled = process.env.STRA_TRACE === '1';

export async function traced<T>(phase: string, fn: () => Promise<T>): Promise<T> {
  if (!enabled) return fn();
  const started = performance.now();
  try {
    return await fn();
  } finally {
    process.stderr.write(`[trace] ${phase}: ${(performance.now() - started).toFixed(0)} ms\n`);
  }
}
