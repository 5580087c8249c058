/**
 * Progress bars on stderr for work that can take more than a second, with rows per second and
 * an estimated time left. Silent when stderr is not a terminal (scripts, CI, pipes).
 */
import cliProgress from 'cli-progress';

export interface ProgressReporter {
  update(done: number, total: number, rows: number): void;
  stop(): void;
}

export function progressBar(label: string): ProgressReporter {
  if (!process.stderr.isTTY) return { update() {}, stop() {} };
  const started = Date.now();
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: `${label.padEnd(10)} {bar} {percentage}% | {rows} rows | {rate} rows/s | ETA {eta_formatted}`,
      hideCursor: true,
      clearOnComplete: false,
      etaBuffer: 20,
    },
    cliProgress.Presets.shades_classic,
  );
  let begun = false;
  return {
    update(done, total, rows) {
      const seconds = Math.max(0.001, (Date.now() - started) / 1000);
      const payload = { rows: rows.toLocaleString('en-GB'), rate: Math.round(rows / seconds).toLocaleString('en-GB') };
      if (!begun) {
        bar.start(Math.max(total, 1), done, payload);
        begun = true;
      } else {
        bar.setTotal(Math.max(total, 1));
        bar.update(done, payload);
      }
    },
    stop() {
      if (begun) bar.stop();
    },
  };
}

export interface SpinnerReporter {
  update(bytes: number): void;
  stop(): void;
}

/** Bytes done where the total is not known (a zip being unpacked): a line redrawn at most 10 times a second. */
export function spinner(label: string): SpinnerReporter {
  if (!process.stderr.isTTY) return { update() {}, stop() {} };
  let last = 0;
  let shown = false;
  return {
    update(bytes) {
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      shown = true;
      process.stderr.write(`\r${label.padEnd(10)} ${(bytes / 1024 ** 2).toFixed(0)} MiB unpacked`);
    },
    stop() {
      if (shown) process.stderr.write('\n');
    },
  };
}
