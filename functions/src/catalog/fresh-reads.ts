/**
 * One read shared by every call that arrives while it is on its way, and never older than its call.
 *
 * With no read in flight a call starts one. Calls made in the same turn, before that read has even been
 * sent (a match read asks for its request's catalogue and the offers' at once), share it. Otherwise the
 * read in flight may have been evaluated before the call began, so the call waits for the next one,
 * which starts when that one ends and serves every call that arrived meanwhile: under load an instance
 * makes about one read per round trip instead of one per call, and each answer is still at least as new
 * as the moment its call arrived. A failed read fails the calls that share it; the next call starts
 * afresh.
 *
 * @example
 * const versions = freshReads(() => source.readVersions());
 * await Promise.all([versions(), versions()]); // one read, started by these calls
 */
export function freshReads<T>(read: () => Promise<T>): () => Promise<T> {
  let reading: Promise<T> | undefined;
  /** The read in flight while it is still being started (until this turn's microtasks run). */
  let starting: Promise<T> | undefined;
  let nextReading: Promise<T> | undefined;
  const fresh = (): Promise<T> => {
    if (starting !== undefined) return starting;
    if (reading === undefined) {
      const started = read().finally(() => {
        if (reading === started) reading = undefined;
      });
      reading = started;
      starting = started;
      queueMicrotask(() => {
        starting = undefined;
      });
      return started;
    }
    nextReading ??= reading
      .catch(() => undefined)
      .then(() => {
        nextReading = undefined;
        return fresh();
      });
    return nextReading;
  };
  return fresh;
}
