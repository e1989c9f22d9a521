// The process around the CLI: signals, closed pipes and errors that escape every catch.
//
// Signals. Node can only run a JavaScript signal handler when its event loop is free, and
// process.exit() waits for libuv's worker threads, so a handler plus process.exit() hangs forever
// when a worker is stuck in open() on a FIFO that has no writer (seen in the fault campaign). So we
// keep the default disposition (the kernel ends the process at once, in any state) and install
// handlers only while there is something to clean up (temporary files being written). The handler
// cleans up, restores the default and raises the same signal again: the process then ends *killed
// by* SIGINT/SIGTERM, which a shell reports as 130/143 and which lets a calling shell loop stop on
// Ctrl-C (exiting with 130 instead would make bash carry on with the next iteration).
//
// Pipes. A write error on stdout or stderr is emitted as an 'error' event; with no listener Node
// throws it and exits 1 (our "threshold breached"). That is why errors exited 1 instead of 3 or 70
// when stderr was a closed pipe (`2>&1 | head`): the error message itself hit EPIPE. Here stderr
// errors are ignored (there is nowhere left to say anything; the exit code still does), and
// stdout errors are recorded: EPIPE is a reader that stopped reading (quiet exit 0), anything else
// (ENOSPC, EIO) is an output error (exit 4) if the writer did not report it already.

import { constants } from 'node:os';
import { ExitCode } from '../errors.js';

const HANDLED_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
type HandledSignal = (typeof HANDLED_SIGNALS)[number];

const cleanups = new Set<() => void>();
let installed = false;
let listening = false;
let checkedStdoutWrites = 0;
let stdoutFailure: NodeJS.ErrnoException | undefined;
let stdoutFailureReported = false;

function runCleanups(): void {
  for (const cleanup of [...cleanups]) {
    try {
      cleanup();
    } catch {
      // one failed cleanup must not stop the others
    }
  }
  cleanups.clear();
}

function onSignal(signal: HandledSignal): void {
  runCleanups();
  stopListening();
  process.kill(process.pid, signal);
  // The default action ends the process before this timer can fire; it is a guard for a signal that
  // the parent left ignored (SIG_IGN is inherited, e.g. SIGINT in a background job).
  setTimeout(() => process.exit(128 + constants.signals[signal]), 1000);
}

const signalListeners = new Map<HandledSignal, () => void>(HANDLED_SIGNALS.map((s) => [s, () => onSignal(s)]));

function startListening(): void {
  if (listening || !installed) return;
  listening = true;
  for (const [signal, listener] of signalListeners) process.on(signal, listener);
}

function stopListening(): void {
  if (!listening) return;
  listening = false;
  // Removing the last listener restores the default disposition (libuv sets SIG_DFL).
  for (const [signal, listener] of signalListeners) process.removeListener(signal, listener);
}

/**
 * Run `cleanup` if the process is interrupted (SIGINT, SIGTERM, SIGHUP) before the returned function
 * is called. While at least one cleanup is registered (and the CLI installed its handlers), a signal
 * runs the cleanups and then ends the process as killed by that signal.
 */
export function onInterrupt(cleanup: () => void): () => void {
  cleanups.add(cleanup);
  startListening();
  return () => {
    cleanups.delete(cleanup);
    if (cleanups.size === 0) stopListening();
  };
}

/**
 * Mark a write to stdout whose outcome the caller checks itself (writeOutputs): while one is in
 * flight, an EPIPE does not end the process, so the caller can still commit its files.
 */
export function beginCheckedStdoutWrite(): () => void {
  checkedStdoutWrites++;
  let done = false;
  return () => {
    if (!done) checkedStdoutWrites--;
    done = true;
  };
}

/** The writer reported this stdout failure itself; the exit hook need not. */
export function stdoutFailureHandled(): void {
  stdoutFailureReported = true;
}

/** The language of the last-resort messages below (the CLI's, once installed). */
let messageLang: () => 'id' | 'en' = () => 'en';

function writeStderr(text: string): void {
  try {
    process.stderr.write(text);
  } catch {
    // stderr is gone; the exit code still tells
  }
}

function internalError(e: unknown): void {
  if ((e as NodeJS.ErrnoException | undefined)?.code === 'EPIPE') {
    runCleanups();
    process.exit(ExitCode.Ok);
  }
  const debug = process.argv.includes('--debug');
  writeStderr(`internal error: ${(e as Error | undefined)?.message ?? String(e)}\n`);
  // The error itself stays as thrown (it is for the maintainers); the advice is for the user.
  const advice = messageLang() === 'id' ? 'ini adalah bug di jamsostek; laporkan bersama keluaran perintah yang sama dengan --debug' : 'this is a bug in jamsostek; please report it with the output of the same command run with --debug';
  writeStderr(debug ? `${(e as Error | undefined)?.stack ?? ''}\n` : `${advice}\n`);
  runCleanups();
  process.exit(ExitCode.Internal);
}

/**
 * Install the CLI's process handlers (once). Library users do not call this: their process keeps its
 * own signal and error policy, and onInterrupt() only records cleanups for them. `lang` says the
 * language of the messages written here (asked only when one is written).
 */
export function installProcessHandlers(lang?: () => 'id' | 'en'): void {
  if (lang) messageLang = lang;
  if (installed) return;
  installed = true;
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') {
      // A reader that stopped reading (| head) is not an error. Unless a checked write is under way
      // (it still has files to commit), end now and quietly, as `cat` would.
      if (checkedStdoutWrites === 0) {
        runCleanups();
        process.exit(ExitCode.Ok);
      }
      return;
    }
    stdoutFailure ??= e;
  });
  process.stderr.on('error', () => {
    // Nowhere left to report anything; the exit code still says what happened.
  });
  process.on('uncaughtException', internalError);
  process.on('unhandledRejection', internalError);
  process.on('exit', (code) => {
    // A report written to stdout by a path that did not check the write (so nobody said so yet).
    if (stdoutFailure && !stdoutFailureReported && code === ExitCode.Ok) {
      const code = stdoutFailure.code ?? stdoutFailure.message;
      writeStderr(messageLang() === 'id' ? `<stdout>: error: tidak dapat menulis (${code}); keluaran tidak lengkap\n` : `<stdout>: error: cannot write (${code}); the output is incomplete\n`);
      process.exitCode = ExitCode.Output;
    }
  });
  if (cleanups.size > 0) startListening();
}
