// Calls to the platform, always same-origin through web's gateway: the session cookie goes along, the page never
// sees a token. State-changing calls carry the session's CSRF token.
import { lang, refusal } from './i18n';

/**
 * Back from signing in, the address carries the sign-in's code and state, which web has already exchanged: they are
 * taken out of the address bar and the history here rather than by one more redirect (a round trip of seconds on a
 * slow phone link; web sets quarkus.oidc.authentication.remove-redirect-parameters=false).
 */
(function forgetTheSpentSignIn() {
  const url = new URL(location.href);
  if (!url.searchParams.has('code') || !url.searchParams.has('state')) return;
  for (const name of ['code', 'state', 'session_state', 'iss']) url.searchParams.delete(name);
  history.replaceState(history.state, '', url.pathname + url.search + url.hash);
})();

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
  type?: string;
  status: number;
  title?: string;
  detail?: string;
  errors?: { field: string; message: string }[];
  /** A refused business rule's facts (with `type` urn:otasuke:problem:<rule>): what its words are made of. */
  facts?: Record<string, string | number | boolean | null>;
}

const REFUSAL = 'urn:otasuke:problem:';

/** What went wrong, for a person: a refused rule in the reader's words (by its type), else the service's own words. */
export function explain(problem: Problem): string {
  const rule = problem.type?.startsWith(REFUSAL) ? problem.type.slice(REFUSAL.length) : null;
  const words = rule ? refusal(rule, problem.facts ?? {}) : null;
  return words ?? problem.detail ?? problem.title ?? `HTTP ${problem.status}`;
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(explain(problem));
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
  return (await send<T>(method, `/api/${path}`, body)).data;
}

/** One call, with the next page's address when the answer names one (`Link: <…>; rel="next"`). */
async function send<T>(method: string, url: string, body?: unknown): Promise<{ data: T; next: string | null }> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': lang(),
    'X-Requested-With': 'JavaScript',
  };
  if (method !== 'GET') headers['X-CSRF-Token'] = csrfToken;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const answer = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (answer.status === 499 || answer.status === 401) signInAgain();
  const text = await answer.text();
  const data = text ? JSON.parse(text) : undefined;
  if (!answer.ok) throw new ApiError(data ?? { status: answer.status });
  const next = /<(\/api\/[^>]*)>;\s*rel="next"/.exec(answer.headers.get('Link') ?? '');
  return { data: data as T, next: next ? next[1] : null };
}

/** A list answered as an array a page at a time (an incident's timeline): every page, to the newest entry. */
export async function getAll<T = any>(path: string): Promise<T[]> {
  const all: T[] = [];
  let url: string | null = `/api/${path}`;
  while (url) {
    const page: { data: T[]; next: string | null } = await send<T[]>('GET', url);
    all.push(...page.data);
    url = page.next;
  }
  return all;
}

export const get = <T = any>(path: string) => api<T>('GET', path);
export const post = <T = any>(path: string, body?: unknown) => api<T>('POST', path, body ?? {});

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
