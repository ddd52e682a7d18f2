#!/usr/bin/env bash
# benchmarks/run.sh: runs the benchmark set of issue 6 (B1..B6) and prints one table.
#
#   benchmarks/run.sh                the whole set (about 6 minutes on 2 cores); the table goes to stdout and
#                                    into docs/PERFORMANCE.md (between its results markers), with the machine
#   benchmarks/run.sh --no-doc       the same, docs/PERFORMANCE.md left as it is
#   benchmarks/run.sh -- JMH-ARGS    JMH with these arguments instead (a subset, a profiler), e.g.
#                                    benchmarks/run.sh -- SyscallBench -prof gc
#                                    rows not run show "not run"; the memory rows (B6b, B6c) and the doc are skipped
#
# Builds benchmarks/target/benchmarks.jar (and distribution/target/modkern/, which the benchmarks boot) when
# missing; an existing jar and distribution are used as they are (after changing the code, rebuild with
# mvn -B -q -Pbench -pl benchmarks -am package -DskipTests). Maven's and JMH's output go to stderr, so
# stdout is the table alone. Everything a run produced is in benchmarks/target/results/: jmh.json
# (JMH -rf json), footprint-{system,bare}.json, table.md.
set -euo pipefail

here="$(cd -- "$(dirname -- "$(readlink -f -- "${BASH_SOURCE[0]}")")" && pwd)"
root="$(dirname -- "$here")"
jar="$here/target/benchmarks.jar"
dist="$root/distribution/target/modkern"
doc="$root/docs/PERFORMANCE.md"
out="$here/target/results"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

write_doc=1
jmh_args=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --no-doc) write_doc=0; shift ;;
    --) shift; jmh_args=("$@"); write_doc=0; break ;;
    -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown argument $1 (JMH arguments go after --)" >&2; exit 2 ;;
  esac
done

if [[ ! -f "$jar" || ! -f "$dist/etc/modkern.properties" ]]; then
  echo "run.sh: building $jar" >&2
  if grep -q '<id>bench</id>' "$root/pom.xml"; then
    (cd "$root" && mvn -B -q -Pbench -pl benchmarks -am package -DskipTests) >&2
  else
    # no "bench" profile in the root pom (yet): the distribution first, then this module on its own
    if [[ ! -f "$dist/etc/modkern.properties" ]]; then
      (cd "$root" && mvn -B -q install -DskipTests -pl distribution -am) >&2
    fi
    (cd "$here" && mvn -B -q package) >&2
  fi
fi

mkdir -p "$out"
rm -f "$out"/jmh.json "$out"/footprint-*.json "$out"/table.md
start=$(date +%s)
# The forks inherit these JVM options; each benchmark class adds -XX:+UseSerialGC (the launcher's collector)
# and sets its forks and iterations (1 fork, 3 warmup and 5 measured iterations of 1 s; B6: 5 forks of one boot).
"$java" -XX:+UseSerialGC -Xmn24m -Dmodkern.home="$dist" -jar "$jar" -rf json -rff "$out/jmh.json" "${jmh_args[@]}" >&2

footprint=()
if [[ ${#jmh_args[@]} -eq 0 ]]; then
  for mode in system bare; do
    "$java" -XX:+UseSerialGC -Xmn24m -Dmodkern.home="$dist" -cp "$jar" org.modkern.bench.Footprint "$mode" 100 \
      > "$out/footprint-$mode.json"
  done
  footprint=("$out/footprint-system.json" "$out/footprint-bare.json")
fi
"$java" -cp "$jar" org.modkern.bench.Report "$out/jmh.json" "${footprint[@]}" > "$out/table.md"
elapsed=$(( $(date +%s) - start ))
cat "$out/table.md"
echo "run.sh: the set took $((elapsed / 60)) min $((elapsed % 60)) s" >&2

if [[ $write_doc -eq 1 ]]; then
  block="$out/results-block.md"
  {
    echo "Run of $(date -u '+%Y-%m-%d %H:%M UTC') by \`benchmarks/run.sh\` ($((elapsed / 60)) min $((elapsed % 60)) s)."
    commit="$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
    built="$(date -u -r "$dist/bundle" '+%Y-%m-%d %H:%M UTC' 2>/dev/null || echo unknown)"
    echo "Source: commit $commit; distribution/target/modkern/ built $built."
    echo
    cat "$out/table.md"
    echo
    echo "Machine:"
    echo
    echo '```'
    echo "nproc: $(nproc)"
    echo "CPU: $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')"
    echo "free -g:"
    free -g
    echo "java -version:"
    "$java" -version 2>&1
    echo '```'
  } > "$block"
  if grep -q '<!-- results:begin -->' "$doc" 2>/dev/null; then
    awk -v f="$block" '
      /<!-- results:begin -->/ { print; while ((getline l < f) > 0) print l; skip = 1; next }
      /<!-- results:end -->/ { skip = 0 }
      !skip { print }' "$doc" > "$doc.tmp" && mv "$doc.tmp" "$doc"
    echo "run.sh: wrote the table into $doc" >&2
  else
    echo "run.sh: $doc has no <!-- results:begin --> marker; the table is in $out/table.md" >&2
  fi
fi
