// A progress bar on stderr for long reads, drawn only on a terminal (never into a pipe or a log).

import type { LoadOptions } from '../io/load.js';
import type { Io } from '../io/terminal.js';

export function progressBar(io: Io): LoadOptions['onProgress'] {
  if (!io.stderr.isTTY) return undefined;
  const start = io.now().getTime();
  let last = 0;
  let shown = false;
  return (bytes, total) => {
    const now = io.now().getTime();
    if (now - start < 500 || now - last < 100) return;
    last = now;
    shown = true;
    const width = 30;
    const frac = total ? Math.min(1, bytes / total) : 0;
    const filled = Math.round(frac * width);
    io.stderr.write(`\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${total ? Math.round(frac * 100) + '%' : ''} ${(bytes / 1048576).toFixed(0)} MiB`);
    if (total && bytes >= total && shown) io.stderr.write('\r' + ' '.repeat(width + 20) + '\r');
  };
}
