// A small in-process cache of response bodies: an entry lives `ttlMs` (a number, or a function read at
// each call), concurrent readers of a missing or stale entry share one load, a failed load is not kept,
// and the cache holds at most `maxEntries`.
export function createBodyCache<T = string>(options: { ttlMs: number | (() => number); maxEntries?: number; now?: () => number }) {
  const { maxEntries = 500, now = Date.now } = options;
  const ttl = typeof options.ttlMs === "function" ? options.ttlMs : () => options.ttlMs as number;
  const entries = new Map<string, { at: number; body: Promise<T> }>();
  return {
    get(key: string, load: () => Promise<T>): Promise<T> {
      const at = now();
      const ttlMs = ttl();
      const hit = entries.get(key);
      if (hit && at - hit.at < ttlMs) return hit.body;
      const body = load();
      if (ttlMs <= 0) return body;
      if (entries.size >= maxEntries) entries.clear();
      entries.set(key, { at, body });
      body.catch(() => {
        if (entries.get(key)?.body === body) entries.delete(key);
      });
      return body;
    },
    clear() {
      entries.clear();
    },
    get size() {
      return entries.size;
    },
  };
}
