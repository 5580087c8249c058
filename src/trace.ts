/**
 * Phase timings for operators tuning an installation: set STRA_TRACE=1 and each traced phase
 * prints its duration on stderr, with the CPU time the whole process spent meanwhile (DuckDB's
 * threads and ours: on a shared machine it varies far less than the wall time) and when it ended,
 * counted from the process's start (so start-up shows as the gap before the first). Off by default;
 * costs nothing when off.
 */
const enabled = process.env.STRA_TRACE === '1';

export async function traced<T>(phase: string, fn: () => Promise<T>): Promise<T> {
  if (!enabled) return fn();
  const started = performance.now();
  const cpu = process.cpuUsage();
  try {
    return await fn();
  } finally {
    const used = process.cpuUsage(cpu);
    process.stderr.write(
      `[trace] ${phase}: ${(performance.now() - started).toFixed(0)} ms (CPU ${((used.user + used.system) / 1000).toFixed(0)} ms), ended ${performance.now().toFixed(0)} ms after the process started\n`,
    );
  }
}
