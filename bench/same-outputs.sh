#!/bin/bash
# bench/same-outputs.sh OLD NEW DIR: the same commands through two builds (two checkouts, each built),
# stdout, stderr and exit code compared with cmp. DIR holds the generated inputs (see the list below);
# examples/ and data/ are the checkouts' own. Prints one line a command and the count of differences.
OLD=$1; NEW=$2; D=$3
cmds=(
  "coverage examples/2024-06/gorontalo.csv -f csv"
  "coverage examples/2024-06/gorontalo.csv -f json --by province"
  "coverage examples/2024-06/sulawesi-utara.csv -f csv"
  "coverage examples/gorontalo-regencies.csv -f csv --by regency"
  "coverage examples/gorontalo-regencies.csv -f json"
  "coverage examples/series-2024-revised.csv -f csv"
  "coverage examples/sulama-2024/2024-06.csv -f csv"
  "coverage examples/sulama-2024/2024-06.csv --previous examples/sulama-2024/2024-05.csv -f csv"
  "coverage examples/sulama-2024/*.csv -f csv"
  "coverage examples/2024-06/gorontalo.csv --targets examples/targets-2024-gorontalo.csv -f csv"
  "validate examples/2024-06/gorontalo.csv"
  "validate examples/sulama-2024/2024-06.csv -f json"
  "coverage D/reg60k.csv --code-system kemendagri --by province -f csv"
  "coverage D/reg60k.csv --code-system kemendagri --by province,sector -f csv"
  "coverage D/reg60k.csv --code-system kemendagri --by regency -f csv"
  "coverage D/reg60k.csv --code-system kemendagri --by province,sector --period 2024-01 -f json"
  "coverage D/reg60k.csv --code-system kemendagri --period 2023-06 -f csv"
  "validate D/reg60k.csv --code-system kemendagri"
  "coverage D/reg60k-en.csv --code-system kemendagri -f csv"
  "coverage D/reg60k-id.csv --code-system kemendagri -f csv --lang id"
  "coverage D/crlf.csv --code-system kemendagri -f csv"
  "coverage D/repeat.csv --code-system kemendagri -f csv"
  "coverage D/total.csv --code-system kemendagri -f csv"
  "coverage D/badnum.csv --code-system kemendagri -f csv"
  "coverage D/oddcells.csv --code-system kemendagri -f csv"
  "coverage D/blanks.csv --code-system kemendagri -f csv"
  "coverage D/blankkey.csv --code-system kemendagri -f csv"
  "coverage D/longsector.csv --code-system kemendagri --by province,sector -f csv"
  "coverage D/longsector.csv --code-system kemendagri -f json"
  "coverage D/kantor.csv --code-system kemendagri --by province,kantor -f csv"
  "coverage D/years5.csv --code-system kemendagri --by regency --period 2021-07 -f csv"
  "coverage D/years5.csv --code-system kemendagri -f csv"
  "coverage D/reg60k.json --code-system kemendagri -f csv"
  "coverage D/reg60k.json --code-system kemendagri --by province,sector -f json"
  "coverage D/reg30k.xlsx --code-system kemendagri -f csv"
  "validate D/reg30k.xlsx --code-system kemendagri"
  "coverage - --code-system kemendagri -f csv < D/reg60k.csv"
  "coverage - --code-system kemendagri -f csv < D/repeat.csv"
  "validate D/badnum.csv --code-system kemendagri -f json"
  "validate D/total.csv --code-system kemendagri"
  "coverage D/oddcells.csv --code-system kemendagri -f json --lang id"
)
diffs=0
for c in "${cmds[@]}"; do
  c=${c//D\//$D/}
  for b in old new; do
    dir=$OLD; [ $b = new ] && dir=$NEW
    (cd $dir && eval "node bin/jamsostek.js $c" >/tmp/same-$b.out 2>/tmp/same-$b.err; echo $? >/tmp/same-$b.rc)
  done
  if cmp -s /tmp/same-old.out /tmp/same-new.out && cmp -s /tmp/same-old.err /tmp/same-new.err && cmp -s /tmp/same-old.rc /tmp/same-new.rc; then r=same; else r=DIFFERENT; diffs=$((diffs+1)); fi
  echo "$r rc=$(cat /tmp/same-new.rc) out=$(wc -c </tmp/same-new.out) err=$(wc -c </tmp/same-new.err)  $c"
done
echo "${#cmds[@]} commands, $diffs different"
