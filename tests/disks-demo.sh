#!/usr/bin/env bash
# Runs demo/disks.gosh as a newcomer would (./modkern demo/disks.gosh) and checks what it promises:
# the md and vnd nodes appear, the host folder comes back byte for byte, and the nodes are gone at the end.
set -u
cd "$(dirname "$0")/.."
out=$(./modkern demo/disks.gosh 2>&1)
status=$?
pass=0 fail=0
check() {
    if eval "$2"; then echo "ok - $1"; pass=$((pass + 1)); else echo "not ok - $1"; fail=$((fail + 1)); fi
}
check "the demo exits 0" '[ $status -eq 0 ]'
check "modload's post-install scripts made md0, rmd0, vnd0 and rvnd0" \
    'grep -q " md0$" <<<"$out" && grep -q " rmd0$" <<<"$out" && grep -q " vnd0$" <<<"$out" && grep -q " rvnd0$" <<<"$out"'
check "every file came back identical (cmp passed)" 'grep -q "^identical: " <<<"$out"'
check "the copy out is on the host too" \
    'cmp -s demo/disks-files/docs/deeper/all-bytes.bin distribution/target/modkern/disks-out/docs/deeper/all-bytes.bin'
check "umount refused while vnd0 held a file on the tmpfs" 'grep -q "disk.img is held open by a driver" <<<"$out"'
last_ls=$(sed -n '/== 5\./,$p' <<<"$out")
check "after modunload the nodes are gone" '! grep -q "md0\|vnd0" <<<"$last_ls"'
echo "$pass passed, $fail failed"
[ $fail -eq 0 ] || { echo "$out" | tail -40; exit 1; }
