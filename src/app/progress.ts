// A progress bar on stderr for long reads, drawn only on a terminal (never into a pipe or a log), and
// erased once the read is done, so that what comes next starts on a clean line (issue 22: the report
// used to be glued to it, `[####…] 100% 157 MiBCoverage 2024-06 by province`).
//
// The bar erases itself when the last byte of a read of known size arrives (that call is never skipped
// by the redraw interval); a read of unknown size (a pipe on stdin) is erased by clearProgress(), which
// Session.emit calls before the report is written and which anything else may call before it writes
// to stderr.

import type { LoadOptions } from '../io/load.js';
import type { Io, OutStream } from '../io/terminal.js';

const WIDTH = 30;

/** The bars drawn now, by stream: the length of what is on the line, to blank it. */
const drawn = new WeakMap<OutStream, number>();

/** Erase the progress bar on io.stderr, if one is drawn (nothing is written otherwise). */
export function clearProgress(io: Pick<Io, 'stderr'>): void {
  const n = drawn.get(io.stderr);
  if (n === undefined) return;
  drawn.delete(io.stderr);
  io.stderr.write('\r' + ' '.repeat(n) + '\r');
}

export function progressBar(io: Io): LoadOptions['onProgress'] {
  if (!io.stderr.isTTY) return undefined;
  const start = io.now().getTime();
  let last = 0;
  return (bytes, total) => {
    const finished = total !== undefined && bytes >= total;
    if (finished) return clearProgress(io);
    const now = io.now().getTime();
    if (now - start < 500 || now - last < 100) return;
    last = now;
    const frac = total ? Math.min(1, bytes / total) : 0;
    const tail = ` ${total ? Math.round(frac * 100) + '%' : ''} ${(bytes / 1048576).toFixed(0)} MiB`;
    // Narrower than the terminal (rv16 #11: a 43-character line on 40 columns wrapped, and each redraw's
    // \r went back to the wrapped part only, leaving a line behind): the bar shrinks, or goes.
    // A pseudo-terminal with no size set (`script`, some CI runners) says 0 columns: taken as unknown.
    const room = (io.stderr.columns || 80) - 1;
    const width = Math.min(WIDTH, room - 2 - tail.length);
    const filled = Math.round(frac * Math.max(0, width));
    const line = (width >= 5 ? `[${'#'.repeat(filled)}${' '.repeat(width - filled)}]${tail}` : tail.trimStart()).slice(0, Math.max(0, room));
    // Blank what a longer previous line left (the MiB count only grows, but stay safe).
    const before = Math.min(drawn.get(io.stderr) ?? 0, Math.max(room, line.length));
    io.stderr.write('\r' + line + ' '.repeat(Math.max(0, before - line.length)));
    drawn.set(io.stderr, Math.max(before, line.length));
  };
}
