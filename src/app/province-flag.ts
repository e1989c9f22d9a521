// --province (template, provinces): a name, an alias or a Kemendagri code of one province, or a usage
// error naming the flag, with the closest name (bounded: core/suggest).

import { clipValue } from '../core/clip.js';
import { closestName } from '../core/suggest.js';
import { usage } from '../errors.js';
import { provinceRegistry, type Province } from '../io/areas.js';

export function provinceFlag(value: string): Province {
  const reg = provinceRegistry();
  const p = reg.byNameOrAlias(value) ?? reg.byKemendagri(value.trim());
  if (p) return p;
  const close = closestName(value, reg.provinces.map((x) => x.name));
  throw usage(
    { message: `--province ${clipValue(value)}: unknown province`, hint: close ? `did you mean "${close}"? (jamsostek provinces lists the names)` : 'jamsostek provinces lists the names' },
    { message: `--province ${clipValue(value)}: provinsi tidak dikenal`, hint: close ? `maksudnya "${close}"? (jamsostek provinces menampilkan nama-namanya)` : 'jamsostek provinces menampilkan nama-namanya' },
  );
}
