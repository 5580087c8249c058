/**
 * A test client for the HTTP app without a port (Hono's app.request): it keeps the session
 * cookie and sends the CSRF token like the UI does. Type an answer with the API contract's
 * types (src/api), e.g. `get<RiskListed[]>('/api/risks')`, or `ErrorAnswer` for a refusal.
 */
import type { Hono } from 'hono';
import type { ErrorAnswer, LoggedIn } from '../src/api/index.js';

export interface ApiAnswer<T = unknown> {
  readonly status: number;
  readonly body: T;
  readonly headers: Headers;
}

export class ApiClient {
  private cookie: string | undefined;
  csrf: string | undefined;

  constructor(private readonly app: Hono<never> | Hono<any>) {}

  async login(username: string, password: string): Promise<ApiAnswer<LoggedIn | ErrorAnswer>> {
    const r = await this.call<LoggedIn | ErrorAnswer>('POST', '/api/session', { username, password });
    if (r.status === 200) this.csrf = (r.body as LoggedIn).csrfToken;
    return r;
  }

  get<T = any>(path: string): Promise<ApiAnswer<T>> {
    return this.call('GET', path);
  }

  async call<T = any>(
    method: string,
    path: string,
    body?: unknown,
    options: { csrf?: boolean; raw?: string; headers?: Record<string, string> } = {},
  ): Promise<ApiAnswer<T>> {
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (this.cookie !== undefined) headers['cookie'] = this.cookie;
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (method !== 'GET' && options.csrf !== false && this.csrf !== undefined) headers['x-csrf-token'] = this.csrf;
    const res = await this.app.request(path, {
      method,
      headers,
      body: options.raw ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
    const set = res.headers.get('set-cookie');
    if (set !== null) {
      const [pair] = set.split(';');
      this.cookie = pair !== undefined && /=.+/.test(pair) && !/Max-Age=0/i.test(set) ? pair : undefined;
    }
    const type = res.headers.get('content-type') ?? '';
    const parsed = type.includes('json') ? await res.json() : await res.text();
    return { status: res.status, body: parsed as T, headers: res.headers };
  }
}
