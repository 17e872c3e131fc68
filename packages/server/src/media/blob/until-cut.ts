/**
 * The chunks of an append's source, up to where the source fails. A source that
 * throws (the client went away mid-chunk) is a cut stream, which the port says
 * keeps what came before it: the chunks just end there. An error of the
 * adapter's own inside the loop (the storage failed, a limit was passed) is not
 * swallowed: it leaves the loop as usual, and the source is closed.
 */
export async function* untilCut(data: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const iterator = data[Symbol.asyncIterator]();
  let finished = false;
  try {
    for (;;) {
      let next: IteratorResult<Uint8Array>;
      try {
        next = await iterator.next();
      } catch {
        finished = true;
        return;
      }
      if (next.done) {
        finished = true;
        return;
      }
      yield next.value;
    }
  } finally {
    // Left early (the loop threw): let the source release what it holds.
    if (!finished) await iterator.return?.();
  }
}
