/** What a job runner needs, and progress written to the job row at most every 250 ms (the page polls each second). */
import { reportJobProgress, type Store } from '../../store/index.js';
import type { WorkspacePaths } from '../../workspace/workspace.js';

export interface JobOptions {
  readonly workspace: WorkspacePaths;
  readonly threads: number;
  readonly memoryLimit: string;
  readonly batchBytes: number;
  readonly log: (line: string) => void;
}

const PROGRESS_MS = 250;

export function throttledProgress(
  store: Store,
  jobId: number,
  log: (line: string) => void,
): (progress: unknown, force?: boolean) => void {
  let last = 0;
  return (progress, force = false) => {
    const now = Date.now();
    if (!force && now - last < PROGRESS_MS) return;
    last = now;
    void reportJobProgress(store, jobId, progress).catch((err: unknown) =>
      log(`job ${jobId}: progress not recorded: ${String(err)}`),
    );
  };
}
