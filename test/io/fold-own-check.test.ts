// The repeated-row check of a load's only file (fold.ts FileFold `own`: issue 20, the general reader
// faster): a row whose every key the load keeps repeats one exactly when its group has a row already; a
// row with one key the load adds up over (a sector, reported by province), when its group has had that
// key (a bit per group and key); anything else, and everything once those bits would grow too large, goes
// into the digest log as before (a row of each of two files too). Each way, every repeated row is refused with both places, and rows that
// differ only in a column the load adds up over are not repeats. Expected places are written by hand.
import { afterEach, describe, expect, it } from 'vitest';
import { OWN_CHECK } from '../../src/io/fold.js';
import { loadTable } from '../../src/io/load.js';
import { tmp, writeIn } from '../e2e/helpers.js';
import { BY_PROVINCE, GENERAL_READ, loadProblems } from '../support/load-problems.js';

const BY_PROVINCE_SECTOR = { ...BY_PROVINCE, dims: ['province', 'sector'] };

/** Rows of Aceh and Bali: `sectors` sectors × 3 months each, participants 100 + row number. */
function rows(sectors: number, kantor = false): string[] {
  const out: string[] = [];
  for (const province of ['Aceh', 'Bali']) {
    for (let s = 0; s < sectors; s++) {
      for (const period of ['2024-04', '2024-05', '2024-06']) out.push(`${province},S${s},${period},${kantor ? `K${out.length},` : ''}1000,${100 + out.length}`);
    }
  }
  return out;
}

const HEAD = 'province,sector,period,workforce,participants';
const HEAD_KANTOR = 'province,sector,period,kantor,workforce,participants';

/** The file of `body` rows (line 2 on) with row `a` written again after row `b` (0-based), and so on. */
function withRepeats(head: string, body: string[], repeats: [number, number][]): { path: string; lines: Map<number, number> } {
  const out = [...body];
  // Insert from the last place back, so that earlier places stay.
  const sorted = [...repeats].sort((x, y) => y[1] - x[1]);
  for (const [a, b] of sorted) out.splice(b + 1, 0, body[a]!);
  // The line of each repeat: found by hand from the places.
  const lines = new Map<number, number>();
  let shift = 0;
  const byPlace = [...repeats].sort((x, y) => x[1] - y[1]);
  for (const [a, b] of byPlace) {
    shift++;
    lines.set(a, b + 2 + shift);
  }
  return { path: writeIn(tmp(), 'r.csv', [head, ...out].join('\n') + '\n'), lines };
}

afterEach(() => {
  OWN_CHECK.maxWords = 1 << 22;
});

describe('the only file: repeated rows found by its groups', () => {
  it('every key kept (by province and sector): a second row in a group is refused with both places', async () => {
    const body = rows(4);
    const { path } = withRepeats(HEAD, body, [[0, 5], [13, 20]]);
    // Row 0 (line 2) again after row 5 (line 7): line 8. Row 13 (line 15, +1 for the first repeat: 16)
    // again after row 20 (line 22 + 1 = 23): line 24.
    expect(await loadProblems(path, BY_PROVINCE_SECTOR)).toEqual(['8: duplicate row for Aceh / S0 / 2024-04 (first at line 2)', '24: duplicate row for Bali / S0 / 2024-05 (first at line 16)']);
  });

  it('one key added up over (by province, the sector summed): a repeat is refused; rows of other sectors are not repeats', async () => {
    const body = rows(40);
    const { path } = withRepeats(HEAD, body, [[70, 100]]);
    // Row 70: Aceh, S23, 2024-05 (70 = 23 × 3 + 1), line 72; again after row 100 (line 102): line 103.
    expect(await loadProblems(path)).toEqual(['103: duplicate row for Aceh / S23 / 2024-05 (first at line 72)']);
    const t = await loadTable([writeIn(tmp(), 'ok.csv', [HEAD, ...body].join('\n') + '\n')], BY_PROVINCE, GENERAL_READ);
    // 40 sectors × 3 months a province, added up: 6 groups (province × month).
    expect(t.rows.length).toBe(6);
    expect(t.sources[0]!.rows).toBe(240);
  });

  it('the same, when the check gives up part way (its bits past their room): repeats before and after are refused', async () => {
    // 64 groups of one word fit; a key numbered 32 (about sector 28, row 84: the numbers count the keys of
    // every dimension) needs two words a group: given up.
    OWN_CHECK.maxWords = 100;
    const body = rows(100);
    // A repeat found by the bits; a repeat of a row read before the check gave up, found after it; and
    // one of a row read after it.
    // (Row 0, the first sector's, again: the keys of the rows handed to the log are the groups' and the
    // sector's by its number, which counts the keys of every dimension.)
    const { path } = withRepeats(HEAD, body, [[1, 2], [0, 400], [5, 500], [450, 560]]);
    expect(await loadProblems(path)).toEqual([
      // Row 1 (line 3) after row 2 (line 4): line 5.
      '5: duplicate row for Aceh / S0 / 2024-05 (first at line 3)',
      // Row 0 (line 2) after row 400 (line 402 + 1 = 403): line 404.
      '404: duplicate row for Aceh / S0 / 2024-04 (first at line 2)',
      // Row 5 (line 7 + 1 = 8): Aceh, S1, 2024-06; after row 500 (line 502 + 2 = 504): line 505.
      '505: duplicate row for Aceh / S1 / 2024-06 (first at line 8)',
      // Row 450 (line 452 + 2 = 454): Bali, S50, 2024-04 (450 − 300 = 150 = 50 × 3); after row 560 (line 562 + 3 = 565): line 566.
      '566: duplicate row for Bali / S50 / 2024-04 (first at line 454)',
    ]);
  });

  it('a key of its own on every row (by province and branch, the sector summed): a group a row, repeats still refused', async () => {
    const body = rows(60, true);
    const { path } = withRepeats(HEAD_KANTOR, body, [[3, 4], [300, 340]]);
    const schema = { ...BY_PROVINCE, dims: ['province', 'kantor'] };
    expect(await loadProblems(path, schema)).toEqual([
      // Row 3 (line 5): Aceh, S1, 2024-04, K3; after row 4 (line 6): line 7.
      '7: duplicate row for Aceh / S1 / 2024-04 / K3 (first at line 5)',
      // Row 300 (line 302 + 1 = 303): Bali, S40, 2024-04, K300 (300 − 180 = 120 = 40 × 3); after row 340 (line 342 + 1 = 343): line 344.
      '344: duplicate row for Bali / S40 / 2024-04 / K300 (first at line 303)',
    ]);
  });

  it('two files: a row of one repeated in the other is still refused (the digest log)', async () => {
    const body = rows(5);
    const dir = tmp();
    const a = writeIn(dir, 'a.csv', [HEAD, ...body.slice(0, 20)].join('\n') + '\n');
    const b = writeIn(dir, 'b.csv', [HEAD, ...body.slice(20), body[7]!].join('\n') + '\n');
    let messages: string[] = [];
    try {
      await loadTable([a, b], BY_PROVINCE, GENERAL_READ);
    } catch (e) {
      messages = (e as { diagnostics: { message: string }[] }).diagnostics.map((d) => d.message);
    }
    // Row 7: Aceh, S2, 2024-05 (7 = 2 × 3 + 1), a.csv line 9; b.csv's last line: 2 + (30 − 20) = 12.
    expect(messages).toEqual([expect.stringMatching(/^duplicate row for Aceh \/ S2 \/ 2024-05 \(first at .*a\.csv:9\)$/)]);
  });
});
