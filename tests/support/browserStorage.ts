/**
 * A browser's localStorage and its cross-tab `storage` event, for Node tests: one shared store,
 * as every tab of one browser has, and `otherTabWrites` to play another tab storing something.
 */
export class MemoryStorage {
  private readonly items = new Map<string, string>();
  /** setItem throws, as a browser with storage turned off does */
  refuse = false;

  get length(): number {
    return this.items.size;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  getItem(key: string): string | null {
    if (this.refuse) throw new Error('SecurityError: storage is disabled');
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (this.refuse) throw new Error('QuotaExceededError');
    this.items.set(key, String(value));
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  clear(): void {
    this.items.clear();
  }
}

type Listener = (event: { key: string | null; newValue: string | null }) => void;

export interface FakeBrowser {
  storage: MemoryStorage;
  /** another tab writes `value` under `key`: stored, and this tab gets a `storage` event */
  otherTabWrites(key: string, value: string): void;
  uninstall(): void;
}

/** Installs localStorage and add/removeEventListener('storage') on globalThis. */
export function installFakeBrowser(): FakeBrowser {
  const storage = new MemoryStorage();
  const listeners = new Set<Listener>();
  const g = globalThis as Record<string, unknown>;
  const saved = { localStorage: g.localStorage, addEventListener: g.addEventListener, removeEventListener: g.removeEventListener };
  g.localStorage = storage;
  g.addEventListener = (type: string, listener: Listener) => {
    if (type === 'storage') listeners.add(listener);
  };
  g.removeEventListener = (type: string, listener: Listener) => {
    if (type === 'storage') listeners.delete(listener);
  };
  return {
    storage,
    otherTabWrites(key, value) {
      storage.setItem(key, value);
      for (const listener of [...listeners]) listener({ key, newValue: value });
    },
    uninstall() {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete g[name];
        else g[name] = value;
      }
    },
  };
}
