/**
 * Maps `items` through `fn` with at most `limit` calls in flight; results keep the input order.
 * A rejection rejects the whole map (callers that want per-item failures catch inside `fn`).
 */
export async function mapPool<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i] as T, i);
    }
  };
  const width = Math.max(1, Math.min(Math.floor(limit) || 1, items.length));
  await Promise.all(Array.from({ length: width }, worker));
  return results;
}

/**
 * A limiter shared by unrelated tasks: `run(fn)` starts fn when fewer than `limit` are running.
 * Wrap leaf calls only; a limited task that awaits another limited task can deadlock at the bound.
 */
export function createLimiter(limit: number): <T>(fn: () => Promise<T>) => Promise<T> {
  const max = Math.max(1, Math.floor(limit) || 1);
  let active = 0;
  const queue: (() => void)[] = [];
  return async <T>(fn: () => Promise<T>): Promise<T> => {
    if (active >= max) await new Promise<void>((resolve) => queue.push(resolve));
    else active++;
    try {
      return await fn();
    } finally {
      // Hand the slot straight to the next waiter, so `active` never over-counts.
      const next = queue.shift();
      if (next) next();
      else active--;
    }
  };
}
