// Does standard input carry data the run was not told to read? (rv24 G5: `cat gor.csv | jamsostek
// coverage -q` printed the national bundled report, exit 0, and said nothing.)
//
// Never waits for data: cron gives an empty pipe or /dev/null, systemd /dev/null, test runners and CI a
// pipe (or a socket) that may stay open and empty for ever. So:
//   - a regular file (`< file`) carries data when it is not empty: certain, from fstat alone;
//   - a pipe or a socket carries data only if bytes are readable now: two turns of the event loop (its
//     poll phase does not wait while an immediate is pending), then reading stops again;
//   - a terminal, /dev/null or any other device: no.
// A producer that writes later than that (a slow query piped in) is not seen: the run is as before.

import { fstatSync } from 'node:fs';

type StdinKind = 'file' | 'pipe' | 'none';

function kindOfFd0(): { readonly kind: StdinKind; readonly size: number } {
  try {
    const st = fstatSync(0);
    if (st.isFile()) return { kind: 'file', size: st.size };
    if (st.isFIFO() || st.isSocket()) return { kind: 'pipe', size: 0 };
  } catch {
    // fd 0 closed (`<&-`): nothing to read
  }
  return { kind: 'none', size: 0 };
}

/**
 * True when the process's standard input holds bytes now (see the top). `stdin` other than the
 * process's own (tests in-process) is never looked at: only fd 0 can be judged without reading.
 */
export async function stdinHoldsData(stdin: NodeJS.ReadableStream | undefined): Promise<boolean> {
  if (stdin !== undefined && stdin !== process.stdin) return false;
  const { kind, size } = kindOfFd0();
  if (kind === 'file') return size > 0;
  if (kind !== 'pipe') return false;
  const s = process.stdin;
  return new Promise<boolean>((resolve) => {
    let done = false;
    const finish = (v: boolean): void => {
      if (done) return;
      done = true;
      s.off('readable', onReadable);
      s.off('error', onError);
      // Reading must stop, or an idle pipe keeps the process alive for ever. process.stdin stops its
      // handle on a 'pause' event, which pause() emits only once the stream is no longer flowing === false:
      // that is after the tick in which Node notices the 'readable' listener is gone. What was read stays
      // in the stream's buffer.
      setImmediate(() => {
        s.pause();
        resolve(v);
      });
    };
    // 'readable' comes with bytes, or at the end of an empty pipe (then nothing is buffered).
    const onReadable = (): void => finish(s.readableLength > 0);
    const onError = (): void => finish(false);
    s.on('readable', onReadable);
    s.on('error', onError);
    setImmediate(() => setImmediate(() => finish(false)));
  });
}
