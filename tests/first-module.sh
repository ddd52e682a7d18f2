#!/usr/bin/env bash
# Follows README.md's "Writing your first module" literally: writes the files its code blocks
# tagged file=PATH hold into an empty folder, builds the module, loads it and calls it.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/mymod"

# Each ```LANG file=PATH block becomes PATH under mymod/.
awk -v dir="$work/mymod" '
  /^```[a-z]+ file=/ { sub(/^```[a-z]+ file=/, ""); out = dir "/" $0; system("mkdir -p \"$(dirname \"" out "\")\""); printf "" > out; next }
  /^```/ && out != "" { close(out); out = ""; next }
  out != "" { print >> out }
' README.md

# The walk-through builds against the kernel's API in the local Maven repository, which mvn verify
# does not install: put it there, as the first ./modkern does.
mvn -B -q install -DskipTests -pl kernel-bundle -am >"$work/api.log" 2>&1 || { cat "$work/api.log"; exit 1; }

pass=0 fail=0
check() { if [[ $2 == 0 ]]; then pass=$((pass + 1)); echo "ok - $1"; else fail=$((fail + 1)); echo "not ok - $1"; fi; }

(cd "$work/mymod" && mvn -B -q package >"$work/build.log" 2>&1)
check "the module builds (mvn -B -q package)" $?
[[ $fail == 0 ]] || { cat "$work/build.log"; echo "$pass passed, $fail failed"; exit 1; }

out=$(timeout 120 ./modkern -c "lkm:modload $work/mymod/target/twice-1.0.0.jar; lkm:modstat -n twice; kern:run /usr/bin/syscall 210 21" 2>&1)
echo "$out" | grep -qx 'Module loaded as ID [0-9]*' \
  && echo "$out" | grep -Eq '^SYSCALL +[0-9]+ 210 [0-9a-f]{8} [0-9a-f]{4} 00000001   2 twice$' \
  && echo "$out" | grep -qx '210 -> 42'
check "it loads, modstat shows it in slot 210, and twice(21) is 42" $?

out=$(timeout 120 ./modkern -c "lkm:modload $work/mymod/target/twice-1.0.0.jar; lkm:modunload -n twice; kern:run /usr/bin/syscall 210 21" 2>&1)
echo "$out" | grep -q 'syscall: 210: ENOSYS'
check "after lkm:modunload the call is ENOSYS again" $?

echo "$pass passed, $fail failed"
[[ $fail == 0 ]]
