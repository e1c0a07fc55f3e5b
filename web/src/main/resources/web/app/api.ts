// Calls to the platform, always same-origin through web's gateway: the session cookie goes along, the page never
// sees a token. State-changing calls carry the session's CSRF token.
import { lang } from './i18n';

export interface Session {
  username: string;
  name: string;
  roles: string[];
  home: string | null;
  tenantId: string | null;
  engineerId: string | null;
  csrfToken: string;
  intakeUrl?: string;
  syslogHost?: string;
}

export interface Problem {
  status: number;
  title?: string;
  detail?: string;
  errors?: { field: string; message: string }[];
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
  }
}

let csrfToken = '';

/**
 * What to do when the session expired (web answers 499 to scripts, a service 401): by default a full load signs in
 * on Keycloak's page; the engineer's app asks first, so that nothing typed is lost.
 */
export const sessionEnded = { handle: () => window.location.reload() };

function signInAgain(): never {
  sessionEnded.handle();
  throw new ApiError({ status: 401, detail: 'Signing in again' });
}

export async function loadSession(): Promise<Session> {
  const answer = await fetch('/session', { headers: { Accept: 'application/json', 'X-Requested-With': 'JavaScript' } });
  if (answer.status === 499 || answer.status === 401) signInAgain();
  const session = (await answer.json()) as Session;
  csrfToken = session.csrfToken;
  return session;
}

export async function api<T = any>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': lang(),
    'X-Requested-With': 'JavaScript',
  };
  if (method !== 'GET') headers['X-CSRF-Token'] = csrfToken;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const answer = await fetch(`/api/${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (answer.status === 499 || answer.status === 401) signInAgain();
  const text = await answer.text();
  const data = text ? JSON.parse(text) : undefined;
  if (!answer.ok) throw new ApiError(data ?? { status: answer.status });
  return data as T;
}

export const get = <T = any>(path: string) => api<T>('GET', path);
export const post = <T = any>(path: string, body?: unknown) => api<T>('POST', path, body ?? {});

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
