package org.modkern.userland.bin.dmesg;

import org.junit.Test;
import org.modkern.userland.bin.FakeSystem;

public class DmesgTest {
    @Test
    public void printsTheMessageBuffer() {
        FakeSystem k = new FakeSystem().program("/sbin/dmesg", Dmesg.class);
        k.sysctl("kern.msgbuf", "modkern booting\nmounted tmpfs on /\n");
        k.run("dmesg").is(0, "modkern booting\nmounted tmpfs on /\n", "");
        k.sysctl("kern.msgbuf", "no newline");
        k.run("dmesg").is(0, "no newline\n", "");
        k.sysctl("kern.msgbuf", "");
        k.run("dmesg").is(0, "", "");
    }

    @Test
    public void errorsAndUsage() {
        FakeSystem k = new FakeSystem().program("/sbin/dmesg", Dmesg.class);
        k.run("dmesg").is(1, "", "dmesg: sysctl kern.msgbuf: No such file or directory\n");
        k.run("dmesg", "-a").is(1, "", "usage: dmesg\n");
    }
}
