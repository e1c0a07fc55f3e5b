// The live connection to web (/live, server-sent events). Pages subscribe to notices and re-read what changed
// through the API; the connection state is shown to the person, so a stale page never passes for a live one.
export type LiveState = 'connecting' | 'live' | 'offline';

export interface Notice {
  type: string;
  incidentId?: string;
  jobId?: string;
  claimId?: string;
  tenantId?: string;
  mergedInto?: string;
  status?: string;
}

type Listener = (notice: Notice) => void;

class Live extends EventTarget {
  state: LiveState = 'connecting';
  private source: EventSource | null = null;
  private listeners = new Set<Listener>();
  private resyncs = new Set<() => void>();
  private retry = 1000;

  start() {
    if (this.source) return;
    this.connect();
  }

  private connect() {
    this.setState('connecting');
    // EventSource resumes by itself with Last-Event-ID after a short drop; web answers "resync" when it cannot
    const source = new EventSource('/live');
    this.source = source;
    source.addEventListener('hello', () => {
      this.retry = 1000;
      this.setState('live');
    });
    source.addEventListener('resync', () => {
      this.setState('live');
      this.resyncs.forEach((f) => f());
    });
    source.addEventListener('notice', (e) => {
      const notice = JSON.parse((e as MessageEvent).data) as Notice;
      this.listeners.forEach((f) => f(notice));
    });
    source.onerror = () => {
      this.setState('offline');
      if (source.readyState === EventSource.CLOSED) {
        // the browser gave up (e.g. the session ended and the answer was not a stream): try again, then re-read
        this.source = null;
        setTimeout(() => {
          this.connect();
          this.resyncs.forEach((f) => f());
        }, this.retry);
        this.retry = Math.min(this.retry * 2, 30000);
      }
    };
  }

  private setState(state: LiveState) {
    this.state = state;
    this.dispatchEvent(new Event('state'));
  }

  /** Calls back on every notice, and on a re-sync (everything shown must be re-read); returns the unsubscribe. */
  subscribe(onNotice: Listener, onResync: () => void): () => void {
    this.listeners.add(onNotice);
    this.resyncs.add(onResync);
    return () => {
      this.listeners.delete(onNotice);
      this.resyncs.delete(onResync);
    };
  }
}

export const live = new Live();

/**
 * A re-read that many notices in a burst (an alert storm) share: it runs once, ms after the first of them.
 * cancel() drops a pending one (the page is gone).
 */
export function coalesced(reread: () => void, ms = 300): { (): void; cancel(): void } {
  let pending = 0;
  const run = () => {
    if (pending) return;
    pending = window.setTimeout(() => {
      pending = 0;
      reread();
    }, ms);
  };
  return Object.assign(run, { cancel: () => clearTimeout(pending) });
}
