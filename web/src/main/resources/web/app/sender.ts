import { api, ApiError, loadSession } from './api';
import { outbox } from './store';

/**
 * Sends the outbox in order whenever there is a network: each action once it is on the device, with its own
 * opId and time (the dispatch API is idempotent by opId, so a resend after a lost answer doubles nothing). An
 * action the server refuses (4xx: the job was cancelled meanwhile, …) is kept with the reason and does not hold
 * back the ones after it; no network, a server away or an ended session stop the round, and nothing is dropped.
 */
export class Sender extends EventTarget {
  private running = false;
  signedOut = false;

  async flush() {
    if (this.running || !navigator.onLine) return;
    this.running = true;
    try {
      for (const entry of await outbox.all()) {
        if (entry.state !== 'waiting') continue;
        try {
          await api('POST', `dispatch/jobs/${entry.jobId}/actions`, entry.body);
          await outbox.remove(entry.seq!);
        } catch (e) {
          const status = e instanceof ApiError ? e.problem.status : 0;
          if (status === 403 && !this.signedOut) {
            await loadSession(); // signed in again meanwhile: a fresh CSRF token, and the next round sends it
            break;
          }
          if (status >= 400 && status < 500 && ![401, 403, 408, 429, 499].includes(status)) {
            await outbox.put({ ...entry, state: 'refused', reason: (e as ApiError).problem.detail ?? (e as Error).message });
          } else {
            break;
          }
        } finally {
          this.dispatchEvent(new Event('change'));
        }
      }
    } finally {
      this.running = false;
      this.dispatchEvent(new Event('change'));
    }
  }
}
