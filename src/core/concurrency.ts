/** Maps the items with at most `limit` calls of `work` under way at once; the results keep the items' order. */
export async function mapConcurrently<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let index = next++; index < items.length; index = next++) results[index] = await work(items[index] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * Gathers single calls into batches for `run`, which answers a batch in
 * order: a batch goes when it holds `size` items, or once the calls made in
 * the same turn of the event loop are in. Each call resolves with its item's
 * answer; a failed batch rejects each of its calls.
 */
export function inBatches<T, R>(run: (batch: readonly T[]) => Promise<readonly R[]>, size: number): (item: T) => Promise<R> {
  let batch: { readonly item: T; readonly resolve: (result: R) => void; readonly reject: (cause: unknown) => void }[] = [];
  const send = (): void => {
    const sent = batch;
    batch = [];
    // biome-ignore-start lint/suspicious/useIterableCallbackReturn: resolve and reject return nothing, so neither arrow returns a value
    run(sent.map((entry) => entry.item)).then(
      (results) =>
        sent.forEach((entry, index) =>
          index < results.length ? entry.resolve(results[index] as R) : entry.reject(new Error("a batch was answered for fewer items than it held")),
        ),
      (cause: unknown) => sent.forEach((entry) => entry.reject(cause)),
    );
    // biome-ignore-end lint/suspicious/useIterableCallbackReturn: as above
  };
  return (item) =>
    new Promise<R>((resolve, reject) => {
      batch.push({ item, resolve, reject });
      if (batch.length >= size) send();
      else if (batch.length === 1) setImmediate(() => batch.length > 0 && send());
    });
}
