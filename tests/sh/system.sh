#!/bin/sh
# System programs: sleep kill ps mount umount mknod sysctl dmesg hostname uname id. Prints TAP.
n=0; failed=0
ok() { n=$((n + 1)); if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; failed=$((failed + 1)); fi; }
eq() { if [ "$2" = "$3" ]; then ok 0 "$1"; else ok 1 "$1 (got [$2], want [$3])"; fi; }

sleep 0.1; ok $? "sleep"
eq "id" "$(id)" "uid=0(root) gid=0(wheel)"
eq "id -u" "$(id -u)" "0"
eq "uname" "$(uname)" "modkern"
uname -a | grep -q "^modkern "; ok $? "uname -a"
old=$(hostname)
hostname testhost; eq "hostname sets and shows" "$(hostname)" "testhost"
eq "sysctl -n" "$(sysctl -n kern.hostname)" "testhost"
hostname $old
eq "sysctl name = value" "$(sysctl kern.ostype)" "kern.ostype = modkern"
sysctl -a | grep -q '^hw.ncpu = '; ok $? "sysctl -a"
dmesg | grep -q "kernel ready"; ok $? "dmesg shows the message buffer"
mkdir -p /mnt/sys
mount -t tmpfs tmpfs /mnt/sys; ok $? "mount -t tmpfs"
mount | grep -q "on /mnt/sys type tmpfs"; ok $? "mount lists it"
umount /mnt/sys; ok $? "umount"
mount | grep -q "/mnt/sys"; eq "gone from the table" "$?" "1"
mknod /tmp/cons c 0 0; ls -l /tmp/cons | grep -q '^c'; ok $? "mknod"
rm /tmp/cons
mount | grep -q "on /proc type procfs" || { modload /usr/lkm/fs-procfs.jar > /dev/null 2>&1; mount -t procfs procfs /proc; }
ps | grep -q "ps"; ok $? "ps lists itself"
sh -c 'sleep 5' &
pid=$!
sleep 0.2
kill $pid; ok $? "kill"
wait $pid; eq "the killed process ended by SIGTERM" "$?" "143"

echo "1..$n"
[ $failed = 0 ]
