#!/bin/sh
# File programs: cat cp mv rm mkdir rmdir ln ls chmod chown touch pwd. Prints TAP.
n=0; failed=0
ok() { n=$((n + 1)); if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; failed=$((failed + 1)); fi; }
eq() { if [ "$2" = "$3" ]; then ok 0 "$1"; else ok 1 "$1 (got [$2], want [$3])"; fi; }
W=/tmp/files; rm -rf $W; mkdir -p $W/src/sub; cd $W

echo hello > src/a; echo deeper > src/sub/b
eq "cat" "$(cat src/a src/sub/b)" "hello
deeper"
cp src/a copy; eq "cp a file" "$(cat copy)" "hello"
cp -R src tree; eq "cp -R copies a tree" "$(cat tree/sub/b)" "deeper"
cp src 2>/dev/null; r=$?; [ $r != 0 ]; ok $? "cp without -R refuses a directory"
mv copy moved; [ ! -e copy ] && [ "$(cat moved)" = hello ]; ok $? "mv renames"
mv moved /tmp/moved-away; eq "mv to another directory" "$(cat /tmp/moved-away)" "hello"
mkdir -p x/y/z; [ -d x/y/z ]; ok $? "mkdir -p"
rmdir x/y/z; [ ! -d x/y/z ]; ok $? "rmdir"
rmdir x 2>/dev/null; [ $? != 0 ]; ok $? "rmdir of a non-empty directory fails"
rm -r x; [ ! -e x ]; ok $? "rm -r"
ln -s src/a link; eq "ln -s" "$(cat link)" "hello"
ln src/a hard; eq "ln: the link count is 2" "$(ls -l src/a | while read m l rest; do echo $l; done)" "2"
eq "hard link shares content" "$(cat hard)" "hello"
touch newfile; [ -f newfile ] && [ ! -s newfile ]; ok $? "touch creates an empty file"
chmod 600 newfile; eq "chmod octal" "$(ls -l newfile | while read m rest; do echo $m; done)" "-rw-------"
chmod u+x,g+r newfile; eq "chmod symbolic" "$(ls -l newfile | while read m rest; do echo $m; done)" "-rwxr-----"
chown 100:20 newfile; eq "chown" "$(ls -l newfile | while read m l u g rest; do echo $u:$g; done)" "100:20"
eq "ls lists a directory" "$(ls src)" "a
sub"
ls -laR src > /tmp/ls.out; grep -q "sub:" /tmp/ls.out; ok $? "ls -laR recurses"
cd src/sub; eq "pwd" "$(pwd)" "$W/src/sub"; cd /
rm -rf $W; [ ! -e $W ]; ok $? "rm -rf"

echo "1..$n"
[ $failed = 0 ]
