/**
 * The browser's door to the JSON API: same-origin fetch with the session cookie, the CSRF token
 * on every change, and errors turned into ApiError with the server's message (written for users).
 * What each path answers is typed in the API contract (src/api).
 */
import type { ErrorAnswer } from '../api/index.js';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details: Record<string, unknown> | undefined,
  ) {
    super(message);
  }
}

let csrfToken: string | undefined;
export const setCsrfToken = (token: string | undefined): void => {
  csrfToken = token;
};

let onUnauthenticated: () => void = () => undefined;
export const whenLoggedOut = (fn: () => void): void => {
  onUnauthenticated = fn;
};

async function call<T>(method: string, path: string, body?: unknown, raw?: Blob): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken !== undefined) headers['x-csrf-token'] = csrfToken;
  const res = await fetch(`/api${path}`, {
    method,
    headers,
    credentials: 'same-origin',
    body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
  });
  const type = res.headers.get('content-type') ?? '';
  const data: unknown = type.includes('json') ? await res.json() : await res.text();
  if (!res.ok) {
    const err = (data as Partial<ErrorAnswer>).error;
    if (res.status === 401 && path !== '/session') onUnauthenticated();
    throw new ApiError(res.status, err?.message ?? `The server answered ${res.status}.`, err?.details);
  }
  return data as T;
}

export const api = {
  get: <T>(path: string) => call<T>('GET', path),
  post: <T>(path: string, body?: unknown) => call<T>('POST', path, body ?? {}),
  put: <T>(path: string, body: unknown) => call<T>('PUT', path, body),
  del: <T>(path: string) => call<T>('DELETE', path),
  /** Sends a small file's content as the body (a scores CSV). */
  postFile: <T>(path: string, file: Blob) => call<T>('POST', path, undefined, file),
};

/** Uploads one file with progress (fetch cannot report upload progress; XMLHttpRequest can). */
export function upload(path: string, file: File, onProgress: (fraction: number) => void): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', `/api${path}`);
    if (csrfToken !== undefined) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      const data = (() => {
        try {
          return JSON.parse(xhr.responseText) as unknown;
        } catch {
          return undefined;
        }
      })();
      if (xhr.status >= 200 && xhr.status < 300) resolve(data);
      else
        reject(
          new ApiError(
            xhr.status,
            (data as Partial<ErrorAnswer> | undefined)?.error?.message ?? `Upload failed (${xhr.status}).`,
            undefined,
          ),
        );
    };
    xhr.onerror = () =>
      reject(new ApiError(0, 'The upload was interrupted: check the connection and try again.', undefined));
    xhr.send(file);
  });
}

/** Query string from a record, leaving out empty values. */
export function qs(params: Record<string, string | number | undefined | null>): string {
  const entries = Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== '') as [
    string,
    string | number,
  ][];
  return entries.length === 0 ? '' : `?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString()}`;
}
