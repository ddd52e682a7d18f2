#!/usr/bin/env bash
# Runs the shipped tutorial as the README says (./modkern -c 'kern:run /bin/sh /etc/rc.demo') and checks
# that each kind of module did what the tutorial says it does.
set -u
cd "$(dirname "$0")/.."
out=$(./modkern -c 'kern:run /bin/sh /etc/rc.demo' 2>&1)
status=$?
pass=0 fail=0
check() {
    if eval "$2"; then echo "ok - $1"; pass=$((pass + 1)); else echo "not ok - $1"; fail=$((fail + 1)); fi
}
check "the demo exits 0" '[ $status -eq 0 ]'
check "a syscall module's call answers, then ENOSYS after modunload" \
    'grep -q "^21[0-9] -> [0-9]*$" <<<"$out" && grep -q "ENOSYS" <<<"$out"'
check "a small tmpfs fills up (ENOSPC)" 'grep -q "lines went in; the next one failed" <<<"$out"'
check "procfs and kernfs answer" 'grep -q "^cat [0-9]* [0-9]* R 0 0 netbsd" <<<"$out"'
check "rnd's post-install program made its nodes with the assigned major" 'grep -q " /dev/urandom$" <<<"$out"'
check "a #! script runs by path" 'grep -q "^hello from /tmp/greet, run by its interpreter with: one two$" <<<"$out"'
echo "$pass passed, $fail failed"
[ $fail -eq 0 ] || { echo "$out" | tail -40; exit 1; }
