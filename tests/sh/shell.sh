#!/bin/sh
# The shell's features, each checked from inside the emulated system. Prints TAP: ok / not ok lines.
n=0; failed=0
ok() { n=$((n + 1)); if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; failed=$((failed + 1)); fi; }
eq() { if [ "$2" = "$3" ]; then ok 0 "$1"; else ok 1 "$1 (got [$2], want [$3])"; fi; }

# variables, export, parameter expansion
X="a  b"; eq "quoted variable keeps its spaces" "$X" "a  b"
export GREETING=hello; eq "export reaches a child" "$(sh -c 'echo $GREETING')" "hello"
unset NOPE; eq "default value" "${NOPE:-dflt}" "dflt"
eq "alternative value" "${X:+set}" "set"
F=archive.tar.gz; eq "suffix removal" "${F%.gz}" "archive.tar"; eq "prefix removal" "${F#archive.}" "tar.gz"
eq "length" "${#F}" "14"
eq "arithmetic" "$((6 * 7 - 2))" "40"

# command substitution
eq "command substitution" "$(echo inner)" "inner"
eq "nested substitution" "$(echo $(echo deep))" "deep"
eq "trailing newlines dropped" "$(printf 'x\n\n')" "x"

# if / elif / else
if false; then r=1; elif true; then r=2; else r=3; fi; eq "if/elif/else" "$r" "2"

# while, until, for, break, continue
i=0; while [ $i -lt 5 ]; do i=$((i + 1)); done; eq "while" "$i" "5"
i=0; until [ $i -ge 3 ]; do i=$((i + 1)); done; eq "until" "$i" "3"
s=""; for w in a b c; do s="$s$w"; done; eq "for" "$s" "abc"
s=""; for w in 1 2 3 4; do if [ $w = 2 ]; then continue; fi; if [ $w = 4 ]; then break; fi; s="$s$w"; done
eq "break and continue" "$s" "13"

# case
for f in x.c y.h z.txt; do
    case $f in
        *.c|*.h) kind=source ;;
        *) kind=other ;;
    esac
    s="$s $kind"
done
eq "case with patterns" "$s" "13 source source other"

# functions, positional parameters, return
add() { echo $(($1 + $2)); }
eq "function with arguments" "$(add 2 3)" "5"
isbig() { [ "$1" -gt 10 ]; return $?; }
isbig 20; ok $? "function return status 0"
isbig 2; r=$?; eq "function return status 1" "$r" "1"
count() { echo $#; }; eq "\$# in a function" "$(count a b c)" "3"

# test and [
[ -d /bin ]; ok $? "[ -d ]"
test -f /bin/sh; ok $? "test -f"
[ ! -e /nonexistent ]; ok $? "[ ! -e ]"
[ abc = abc -a 1 -lt 2 ]; ok $? "[ = -a -lt ]"
[ -z "" -o -n "" ]; ok $? "[ -z -o -n ]"

# here-documents
cat > /tmp/heredoc.out <<END
value is $GREETING
END
eq "here-document expands" "$(cat /tmp/heredoc.out)" "value is hello"
eq "quoted here-document does not" "$(cat <<'END'
value is $GREETING
END
)" 'value is $GREETING'

# read
echo "one two three" > /tmp/read.in
read a b < /tmp/read.in; eq "read splits fields, the last takes the rest" "$a|$b" "one|two three"

# globbing from the VFS
mkdir -p /tmp/glob && cd /tmp/glob && touch a.txt b.txt c.log .hidden
eq "* matches, sorted, not dotfiles" "$(echo *)" "a.txt b.txt c.log"
eq "*.txt" "$(echo *.txt)" "a.txt b.txt"
eq "? and [...]" "$(echo [ab].???)" "a.txt b.txt"
eq "no match stays as written" "$(echo *.none)" "*.none"
eq "quoted pattern is not expanded" "$(echo "*.txt")" "*.txt"
cd /

# exit status, set -e, exit
sh -c 'exit 7'; eq "exit status of sh -c" "$?" "7"
sh -c 'set -e; false; echo not reached'; eq "set -e stops at a failure" "$?" "1"
eq "set -e spares if conditions" "$(sh -c 'set -e; if false; then :; fi; echo reached')" "reached"
nosuchcommand 2>/dev/null; eq "command not found is 127" "$?" "127"

# cd
cd /tmp; eq "cd" "$(pwd)" "/tmp"; cd /

# scripts run by path through the #! exec format
printf '#!/bin/sh\necho "script says $1"\n' > /tmp/hello.sh
chmod +x /tmp/hello.sh
eq "a #! script runs by path" "$(/tmp/hello.sh there)" "script says there"

echo "1..$n"
[ $failed = 0 ]
