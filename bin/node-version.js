// The Node.js versions jamsostek runs on, checked by bin/jamsostek.js before anything else is loaded
// (rv24 G9: on Node 18 the command half-worked, then said "internal error … a bug" for xlsx and Parquet,
// which need zlib.crc32 (Node 20.15+) and require() of ES modules). Plain JavaScript that any Node.js
// parses: it must run on the versions it refuses. Keep it equal to package.json's "engines".
export const ENGINES = '^20.19.0 || >=22.12.0';

/** Whether `version` (process.versions.node, e.g. '18.20.8') is in ENGINES. */
export function supportedNode(version) {
  const [major, minor] = String(version).split('.').map((x) => Number.parseInt(x, 10));
  if (!Number.isFinite(major) || !Number.isFinite(minor)) return true; // unknown: do not stand in the way
  if (major === 20) return minor >= 19;
  if (major === 22) return minor >= 12;
  return major > 22;
}

/**
 * The refusal for an unsupported Node.js (two lines, as the command's errors: `error:` and `hint:`), in
 * Indonesian when the run asks for it (--lang id, or LC_ALL / LC_MESSAGES / LANG id_…); undefined when
 * `version` is supported.
 */
export function nodeVersionRefusal(version, argv = [], env = {}) {
  if (supportedNode(version)) return undefined;
  const langArg = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const fromArgs = langArg < 0 ? undefined : argv[langArg].includes('=') ? argv[langArg].split('=')[1] : argv[langArg + 1];
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  const id = fromArgs !== undefined ? fromArgs === 'id' : /^id([_.@-]|$)/i.test(locale);
  return id
    ? `error: jamsostek memerlukan Node.js 20.19 atau lebih baru (22.12 atau lebih baru pada seri 22); ini Node.js ${version}\n  hint: pasang Node.js ${ENGINES} (mis. dari nodejs.org atau NodeSource), lalu jalankan lagi\n`
    : `error: jamsostek needs Node.js 20.19 or newer (22.12 or newer on 22); this is Node.js ${version}\n  hint: install Node.js ${ENGINES} (e.g. from nodejs.org or NodeSource), then run it again\n`;
}
