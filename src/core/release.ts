// Typed arrays given back when the code that made them is done with them, not at V8's next full
// collection (issue 20). An array that lived long enough to reach the old generation stays mapped, once
// unreachable, until a full collection, and a load of a million keys ends with none due: its file's group
// table (10 MiB) was still resident while the plan and the report were made. Transferring the buffer
// (structuredClone's transfer list) detaches it here and hands its memory to a new, unreachable buffer
// in the young generation, which the next scavenge frees. No copy is made.

/** Give back the memory of `arrays` now. Each is left empty (length 0): the caller must not read it again. */
export function release(arrays: readonly ArrayBufferView[]): void {
  const buffers: ArrayBuffer[] = [];
  for (const a of arrays) {
    const b = a.buffer;
    // (Only an array with a buffer of its own: a Buffer from Node's pool or a view of another array's
    // buffer is left to the collector.)
    if (b instanceof ArrayBuffer && b.byteLength > 0 && a.byteOffset === 0 && a.byteLength === b.byteLength && !buffers.includes(b)) buffers.push(b);
  }
  if (buffers.length) structuredClone(undefined, { transfer: buffers });
}
