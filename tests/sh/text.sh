#!/bin/sh
# Text programs: echo printf wc head tail grep sort uniq env true false test. Prints TAP.
n=0; failed=0
ok() { n=$((n + 1)); if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; failed=$((failed + 1)); fi; }
eq() { if [ "$2" = "$3" ]; then ok 0 "$1"; else ok 1 "$1 (got [$2], want [$3])"; fi; }
T=/tmp/text; rm -rf $T; mkdir -p $T; cd $T
printf 'pear\napple\nfig\napple\nbanana\n' > fruit

eq "echo" "$(echo a b)" "a b"
eq "echo -n" "$(echo -n x; echo y)" "xy"
eq "printf formats" "$(printf '%s=%d %5s|%-3s|%x %%\n' n 42 r l 255)" "n=42     r|l  |ff %"
set -- $(wc -l < fruit); eq "wc -l" "$1" "5"
set -- $(echo 'a bb ccc' | wc -w -c); eq "wc -w -c" "$1 $2" "3 9"
set -- $(wc fruit); eq "wc names the file" "$4" "fruit"
eq "head -n 2" "$(head -n 2 fruit)" "pear
apple"
eq "tail -n 1" "$(tail -n 1 fruit)" "banana"
eq "grep" "$(grep an fruit)" "banana"
eq "grep -v -c" "$(grep -v -c apple fruit)" "3"
eq "grep BRE anchors and classes" "$(grep '^[ab].*a$' fruit)" "banana"
eq "grep BRE interval" "$(grep 'p\{2\}' fruit | head -n 1)" "apple"
grep -q nothing fruit; eq "grep exit 1 without a match" "$?" "1"
eq "sort" "$(sort fruit | head -n 2)" "apple
apple"
eq "sort -r" "$(sort -r fruit | head -n 1)" "pear"
eq "sort -n" "$(printf '10\n9\n100\n' | sort -n | tail -n 1)" "100"
set -- $(sort fruit | uniq | wc -l); eq "sort | uniq" "$1" "4"
eq "uniq -c" "$(sort fruit | uniq -c | grep apple | while read c w; do echo $c; done)" "2"
eq "env passes a variable" "$(env FOO=bar sh -c 'echo $FOO')" "bar"
env | grep -q '^PATH='; ok $? "env lists the environment"
true; ok $? "true"
false; eq "false" "$?" "1"
test 3 -gt 2; ok $? "test (the program)"
/bin/test -n "x"; ok $? "/bin/test"
/bin/[ a = a ]; ok $? "/bin/["
for prog in cat cp mv rm mkdir rmdir ln ls chmod touch wc head tail grep sort uniq sleep ps mount umount mknod sysctl hostname uname id; do
    $prog -Z > /tmp/usage.out 2>&1; st=$?
    if [ $st != 0 ] && grep -qi usage /tmp/usage.out; then ok 0 "$prog -Z prints its usage line (status $st)"
    else ok 1 "$prog -Z: status $st, said: $(cat /tmp/usage.out)"; fi
done
kill > /tmp/usage.out 2>&1; st=$?
[ $st != 0 ] && grep -qi usage /tmp/usage.out; ok $? "kill without a pid prints its usage line (kill -Z names the bad signal, as BSD's does)"
cd /; rm -rf $T

echo "1..$n"
[ $failed = 0 ]
