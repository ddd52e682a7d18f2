package org.modkern.userland.bin.uname;

import org.junit.Test;
import org.modkern.userland.bin.FakeSystem;

public class UnameTest {
    private final FakeSystem k = new FakeSystem().program("/usr/bin/uname", Uname.class)
            .sysctl("kern.ostype", "modkern").sysctl("kern.osrelease", "0.1").sysctl("kern.hostname", "box.example")
            .sysctl("kern.version", "modkern 0.1 (GENERIC) #0\n\tbuilt on the JVM\n").sysctl("hw.machine", "jvm")
            .sysctl("hw.machine_arch", "x86_64");

    @Test
    public void fieldsInUnamesOrder() {
        k.run("uname").is(0, "modkern\n", "");
        k.run("uname", "-n").is(0, "box.example\n", "");
        k.run("uname", "-mrs").is(0, "modkern 0.1 jvm\n", "");
        k.run("uname", "-p", "-s").is(0, "modkern x86_64\n", "");
        k.run("uname", "-v").is(0, "modkern 0.1 (GENERIC) #0  built on the JVM\n", "");
        k.run("uname", "-a").is(0, "modkern box.example 0.1 modkern 0.1 (GENERIC) #0  built on the JVM jvm\n", "");
    }

    @Test
    public void errorsAndUsage() {
        new FakeSystem().program("/usr/bin/uname", Uname.class).run("uname")
                .is(1, "", "uname: sysctl kern.ostype: No such file or directory\n");
        k.run("uname", "-x").is(1, "", "uname: unknown option -- x\nusage: uname [-amnprsv]\n");
        k.run("uname", "a").is(1, "", "usage: uname [-amnprsv]\n");
    }
}
