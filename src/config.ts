/**
 * Configuration in one place, read from the environment and validated once at start-up.
 * Every setting has a default that works on a fresh machine; command-line flags override the
 * environment where a command offers them.
 */
import os from 'node:os';
import { z } from 'zod';
import { usageError } from './errors.js';

const UNITS: Record<string, number> = {
  B: 1,
  KB: 1e3,
  MB: 1e6,
  GB: 1e9,
  TB: 1e12,
  KIB: 1024,
  MIB: 1024 ** 2,
  GIB: 1024 ** 3,
  TIB: 1024 ** 4,
};

/** A size in bytes: a whole number of bytes, or a number and a unit (`2GiB`, `500MB`, `1.5 GiB`). */
export function parseSize(text: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([KMGT]i?B|B)?\s*$/i.exec(text);
  if (m === null) return undefined;
  const bytes = Math.round(Number(m[1]) * UNITS[(m[2] ?? 'B').toUpperCase()]!);
  return Number.isSafeInteger(bytes) ? bytes : undefined;
}

const size = (fallback: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return fallback;
      const bytes = parseSize(v);
      if (bytes === undefined || bytes < 1) {
        ctx.addIssue({
          code: 'custom',
          message: `expected a size such as 2GiB, 500MB or 1048576 (bytes), got '${v}'`,
        });
        return z.NEVER;
      }
      return bytes;
    });

/** Upload caps of the web app (issue 13, defect 10); see src/server/upload-limits.ts. */
export interface UploadLimits {
  /** All files of one upload batch, as uploaded. */
  readonly batchBytes: number;
  /** All files of one batch once zips are unpacked. */
  readonly unpackedBytes: number;
  /** A batch not queued for import this long after its last upload is removed. */
  readonly abandonedHours: number;
}

export const DEFAULT_UPLOAD_LIMITS: UploadLimits = {
  batchBytes: 2 * 1024 ** 3,
  unpackedBytes: 16 * 1024 ** 3,
  abandonedHours: 24,
};

const EnvSchema = z.object({
  /** Folder holding all state (warehouse, system of record). `--workspace` overrides it. */
  STRA_WORKSPACE: z.string().min(1).default('workspace'),
  /** DuckDB worker threads for imports and queries; default: all cores. */
  STRA_THREADS: z.coerce.number().int().min(1).max(256).default(Math.max(1, os.availableParallelism())),
  /** DuckDB memory limit (DuckDB syntax, e.g. `1GB`); bounds import memory well under 2 GiB. */
  STRA_MEMORY_LIMIT: z
    .string()
    .regex(/^\d+(\.\d+)?\s*(KB|MB|GB|KiB|MiB|GiB)$/i, 'expected a size such as 1GB or 512MB')
    .default('1GB'),
  /** CSV bytes read per import batch; larger is faster, smaller uses less memory. */
  STRA_IMPORT_BATCH_BYTES: z.coerce.number().int().min(1_000_000).default(400_000_000),
  /** The longest line an imported file may have, in bytes. */
  STRA_IMPORT_MAX_LINE_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024),
  /** What one zip archive may unpack to: total bytes, bytes per compressed byte, entries. */
  STRA_ZIP_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .default(32 * 1024 ** 3),
  STRA_ZIP_MAX_RATIO: z.coerce.number().min(1).default(200),
  STRA_ZIP_MAX_ENTRIES: z.coerce.number().int().min(1).default(50_000),
  /** Who is recorded in the import manifest; defaults to the operating-system user. */
  STRA_USER: z.string().min(1).optional(),
  /** A PostgreSQL server for the system of record; unset: the embedded store in the workspace. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'expected postgres://user@host:port/database')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** Where `stra serve` listens. Localhost by default: put a TLS proxy in front to serve a network. */
  STRA_HOST: z.string().min(1).default('127.0.0.1'),
  STRA_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  /** How long a login lasts. */
  STRA_SESSION_HOURS: z.coerce
    .number()
    .min(0.01)
    .max(24 * 30)
    .default(8),
  /**
   * The organisation whose analysts may import police.uk open data and Home Office PRC tables
   * for every force (a national data role); unset: none, each force imports its own.
   */
  STRA_NATIONAL_DATA_ORG: z.string().min(1).optional(),
  /** Reverse proxies (addresses, comma-separated) whose X-Forwarded-For names the client. */
  STRA_TRUSTED_PROXIES: z
    .string()
    .optional()
    .transform((v) =>
      (v ?? '')
        .split(',')
        .map((p) => p.trim())
        .filter((p) => p !== ''),
    ),
  /** What one upload batch of the web app may hold as uploaded (default 2 GiB). */
  STRA_UPLOAD_MAX_BYTES: size(DEFAULT_UPLOAD_LIMITS.batchBytes),
  /** What one upload batch may hold once its zips are unpacked (default 16 GiB). */
  STRA_UPLOAD_MAX_UNPACKED_BYTES: size(DEFAULT_UPLOAD_LIMITS.unpackedBytes),
  /** Hours after its last file that an upload batch never queued for import is removed (default 24). */
  STRA_UPLOAD_ABANDONED_HOURS: z.coerce
    .number({ error: 'expected a number of hours between 0.01 and 8760, such as 24' })
    .min(0.01)
    .max(24 * 365)
    .default(DEFAULT_UPLOAD_LIMITS.abandonedHours),
  /**
   * Deconfliction of link analysis searches (issue 16): `on` (default) tells a user whose search
   * matches an identifier held in an investigation they may not see whom to contact, and audits
   * it for both sides; `off` tells them nothing.
   */
  STRA_LINKS_DECONFLICTION: z.enum(['on', 'off']).default('on'),
  /** Whom in the owning organisation they are told to contact (default "the deconfliction officer"). */
  STRA_LINKS_DECONFLICTION_CONTACT: z.string().trim().min(1).max(200).default('the deconfliction officer'),
  /** Mark the session cookie Secure (set when served over HTTPS through a proxy). */
  STRA_SECURE_COOKIES: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

/** What an import accepts before reading a file's rows (see src/warehouse/import/limits.ts). */
export interface ImportLimits {
  readonly maxLineBytes: number;
  readonly zipMaxBytes: number;
  readonly zipMaxRatio: number;
  readonly zipMaxEntries: number;
}

export type Config = {
  readonly workspace: string;
  readonly threads: number;
  readonly memoryLimit: string;
  readonly importBatchBytes: number;
  readonly importLimits: ImportLimits;
  readonly user: string;
  readonly databaseUrl: string | undefined;
  readonly host: string;
  readonly port: number;
  readonly sessionHours: number;
  readonly secureCookies: boolean;
  readonly nationalDataOrganisation: string | undefined;
  readonly trustedProxies: readonly string[];
  readonly uploadLimits: UploadLimits;
  /** Deconfliction of link analysis searches: on or off, and whom to contact. */
  readonly deconfliction: { readonly enabled: boolean; readonly contact: string };
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw usageError(`environment variable ${String(issue?.path[0])}: ${issue?.message ?? 'invalid'}`);
  }
  const e = parsed.data;
  if (e.STRA_UPLOAD_MAX_UNPACKED_BYTES < e.STRA_UPLOAD_MAX_BYTES)
    throw usageError(
      `environment variable STRA_UPLOAD_MAX_UNPACKED_BYTES (${e.STRA_UPLOAD_MAX_UNPACKED_BYTES} bytes) is smaller than STRA_UPLOAD_MAX_BYTES (${e.STRA_UPLOAD_MAX_BYTES} bytes): a batch of plain CSV files unpacks to its own size, so set it at least as large`,
    );
  return {
    workspace: overrides.workspace ?? e.STRA_WORKSPACE,
    threads: overrides.threads ?? e.STRA_THREADS,
    memoryLimit: overrides.memoryLimit ?? e.STRA_MEMORY_LIMIT,
    importBatchBytes: overrides.importBatchBytes ?? e.STRA_IMPORT_BATCH_BYTES,
    importLimits: overrides.importLimits ?? {
      maxLineBytes: e.STRA_IMPORT_MAX_LINE_BYTES,
      zipMaxBytes: e.STRA_ZIP_MAX_BYTES,
      zipMaxRatio: e.STRA_ZIP_MAX_RATIO,
      zipMaxEntries: e.STRA_ZIP_MAX_ENTRIES,
    },
    user: overrides.user ?? e.STRA_USER ?? safeUserName(),
    databaseUrl: overrides.databaseUrl ?? e.DATABASE_URL,
    host: overrides.host ?? e.STRA_HOST,
    port: overrides.port ?? e.STRA_PORT,
    sessionHours: overrides.sessionHours ?? e.STRA_SESSION_HOURS,
    secureCookies: overrides.secureCookies ?? e.STRA_SECURE_COOKIES,
    nationalDataOrganisation: overrides.nationalDataOrganisation ?? e.STRA_NATIONAL_DATA_ORG,
    trustedProxies: overrides.trustedProxies ?? e.STRA_TRUSTED_PROXIES,
    uploadLimits: overrides.uploadLimits ?? {
      batchBytes: e.STRA_UPLOAD_MAX_BYTES,
      unpackedBytes: e.STRA_UPLOAD_MAX_UNPACKED_BYTES,
      abandonedHours: e.STRA_UPLOAD_ABANDONED_HOURS,
    },
    deconfliction: overrides.deconfliction ?? {
      enabled: e.STRA_LINKS_DECONFLICTION === 'on',
      contact: e.STRA_LINKS_DECONFLICTION_CONTACT,
    },
  };
}

function safeUserName(): string {
  try {
    return os.userInfo().username;
  } catch {
    return 'unknown'; // no passwd entry (some containers): the manifest still needs a name
  }
}
