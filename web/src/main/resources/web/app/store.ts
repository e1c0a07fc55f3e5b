// The engineer's app keeps what it must not lose on the device (IndexedDB): the outbox of actions not yet sent,
// and the last jobs, rates and session it loaded, so it is readable with no signal. Never a token.
const DB = 'otasuke-field';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => {
      request.result.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true });
      request.result.createObjectStore('cache');
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function run<T>(store: string, mode: IDBTransactionMode, work: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  return new Promise<T>((resolve, reject) => {
    const tx = db.transaction(store, mode);
    const request = work(tx.objectStore(store));
    tx.oncomplete = () => {
      db.close();
      resolve(request.result);
    };
    tx.onerror = () => reject(tx.error);
  });
}

export const cache = {
  get: <T>(key: string) => run<T | undefined>('cache', 'readonly', (s) => s.get(key) as IDBRequest<T | undefined>),
  put: (key: string, value: unknown) => run('cache', 'readwrite', (s) => s.put(value, key)),
};

export type OutboxState = 'waiting' | 'refused';

export interface Queued {
  seq?: number;
  opId: string;
  jobId: string;
  jobTitle: string;
  type: 'ACCEPT' | 'DECLINE' | 'DEPART' | 'ARRIVE' | 'COMPLETE';
  body: Record<string, unknown>;
  state: OutboxState;
  reason?: string;
}

export const outbox = {
  all: () => run<Queued[]>('outbox', 'readonly', (s) => s.getAll() as IDBRequest<Queued[]>),
  add: (entry: Queued) => run('outbox', 'readwrite', (s) => s.add(entry)),
  put: (entry: Queued) => run('outbox', 'readwrite', (s) => s.put(entry)),
  remove: (seq: number) => run('outbox', 'readwrite', (s) => s.delete(seq)),
};
