/** What the HTTP app is built with; the clock is passed in so sessions can be tested. */
import type { WorkspacePaths } from '../workspace/workspace.js';

export interface ServerOptions {
  readonly workspace: WorkspacePaths;
  readonly sessionHours: number;
  readonly secureCookies: boolean;
  readonly threads: number;
  readonly memoryLimit: string;
  /** The built UI (dist/web); undefined serves the API only. */
  readonly webRoot: string | undefined;
  readonly now: () => Date;
  readonly log: (line: string) => void;
  /** The organisation whose analysts may import police.uk and PRC data for every force (issue 13). */
  readonly nationalDataOrganisation?: string | undefined;
  /** Upload caps and how long an abandoned upload batch is kept (issue 13). */
  readonly uploadLimits?: import('./upload-limits.js').UploadLimits | undefined;
  /**
   * When set, the first-run set-up (POST /api/setup) must give this token: `stra serve` makes one
   * when it listens on an address other than the loopback (or behind trusted proxies), and prints
   * it while the workspace has no users, so only whoever started the server can set it up.
   */
  readonly setupToken?: string | undefined;
  /** Deconfliction of link analysis searches (issue 16); on, naming "the deconfliction officer", by default. */
  readonly deconfliction?: { readonly enabled: boolean; readonly contact: string } | undefined;
  /** Proxies whose X-Forwarded-For names the client (login throttling); none by default. */
  readonly trustedProxies?: readonly string[] | undefined;
}
