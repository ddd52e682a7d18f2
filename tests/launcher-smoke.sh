#!/usr/bin/env bash
# End-to-end checks of ./modkern as a user runs it (issue 2's acceptance commands).
# Usage: bash tests/launcher-smoke.sh   (after mvn verify or mvn package; ./modkern builds otherwise)
set -uo pipefail
cd "$(dirname "$0")/.."
pass=0 fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

check() { # name, condition-result
  if [[ $2 == 0 ]]; then pass=$((pass + 1)); echo "ok - $1"; else fail=$((fail + 1)); echo "not ok - $1"; fi
}

run() { # runs ./modkern with a 120 s bound; stdout, stderr and status into $tmp
  timeout 120 ./modkern "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
  echo $? >"$tmp/status"
}

run -c 'kern:run /bin/echo hello world'
[[ "$(cat "$tmp/out")" == "hello world" && "$(cat "$tmp/status")" == 0 ]]
check "echo prints 'hello world' and exits 0" $?

run -c 'kern:run /bin/nope'
[[ "$(cat "$tmp/status")" != 0 && "$(wc -l <"$tmp/err")" == 1 ]] && grep -q ENOENT "$tmp/err"
check "a missing program prints one line naming ENOENT and exits non-zero ($(cat "$tmp/err"))" $?

run -c 'kern:run /bin/sh -c "echo a | cat > /tmp/x; cat /tmp/x; ls -l /dev"'
[[ "$(head -1 "$tmp/out")" == a && "$(cat "$tmp/status")" == 0 ]] \
  && grep -Eq '^crw-------[[:space:]]+1 root[[:space:]]+wheel[[:space:]]+0,[[:space:]]+0 .*console$' "$tmp/out"
check "a pipeline through /tmp and ls -l /dev showing /dev/console" $?

run -c 'kern:run /bin/sh -c "exit 3"'
[[ "$(cat "$tmp/status")" != 0 ]] && grep -q 'exited with status 3' "$tmp/err"
check "a program's non-zero exit fails the command" $?

printf 'kern:run /bin/echo from a script\nkern:sysctl kern.ostype\n' >"$tmp/s.gosh"
run "$tmp/s.gosh"
[[ "$(cat "$tmp/out")" == "from a script"$'\n'"kern.ostype = modkern" && "$(cat "$tmp/status")" == 0 ]]
check "a .gosh script runs its commands" $?

run
[[ "$(cat "$tmp/status")" == 0 ]]
check "no terminal and empty stdin exits 0" $?

mods=distribution/target/modkern/modules
run -c "lkm:modload $mods/sys-hello.jar; lkm:modstat; kern:run /usr/bin/syscall 210 5; lkm:modunload -n hello; kern:run /usr/bin/syscall 210 5"
grep -Eq '^SYSCALL +[0-9]+ 210 .* hello$' "$tmp/out" && grep -Eq '^210 -> [0-9]+$' "$tmp/out" \
  && grep -q 'syscall: 210: ENOSYS' "$tmp/out" && [[ "$(cat "$tmp/status")" != 0 ]]
check "a sample module loads, its call works, and after modunload the call is ENOSYS" $?

run -c "kern:sysctl kern.securelevel=1; lkm:modload $mods/sys-hello.jar"
[[ "$(cat "$tmp/status")" != 0 ]] && grep -q 'modload: EPERM: securelevel is 1' "$tmp/err"
check "above securelevel 0 lkm:modload says EPERM" $?

# The launcher runs nothing before the kern and lkm commands are there; one that never comes is named.
MODKERN_JAVA_OPTS="-Dmodkern.launcher.await.commands=nope -Dmodkern.launcher.await.timeout=3" run -c 'lkm:modstat'
[[ "$(cat "$tmp/status")" == 1 ]] && grep -q 'did not boot within 3 s (nothing registered matches (osgi.command.scope=nope))' "$tmp/err"
check "a command scope that never comes fails the boot with a message naming it ($(cat "$tmp/err"))" $?

echo "$pass passed, $fail failed"
[[ $fail == 0 ]]
