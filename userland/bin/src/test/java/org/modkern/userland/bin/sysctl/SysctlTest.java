package org.modkern.userland.bin.sysctl;

import static org.junit.Assert.assertEquals;

import org.junit.Test;
import org.modkern.userland.bin.FakeSystem;

public class SysctlTest {
    private static final String USAGE = "usage: sysctl [-nw] name[=value] ...\n       sysctl [-n] -a\n";
    private final FakeSystem k = new FakeSystem().program("/sbin/sysctl", Sysctl.class)
            .sysctl("kern.ostype", "modkern").sysctl("kern.osrelease", "0.1").sysctl("kern.version", "modkern 0.1\n")
            .sysctl("kern.maxproc", "30000").sysctl("kern.securelevel", "0").sysctl("kern.hostname", "box")
            .sysctl("kern.boottime", "1700000000").sysctl("kern.msgbuf", "boot\n").sysctl("hw.machine", "jvm")
            .sysctl("hw.ncpu", "4").sysctl("hw.machine_arch", "x86_64");

    @Test
    public void printsNamesAndValues() {
        k.run("sysctl", "kern.ostype", "hw.ncpu").is(0, "kern.ostype = modkern\nhw.ncpu = 4\n", "");
        k.run("sysctl", "-n", "kern.hostname").is(0, "box\n", "");
        k.run("sysctl", "kern.boottime").is(0, "kern.boottime = Tue Nov 14 22:13:20 2023\n", "");
        k.run("sysctl", "kern.msgbuf").is(0, "kern.msgbuf = boot\n\n", "");
    }

    @Test
    public void aPrefixOrAllListsEveryNodeTheKernelHas() {
        k.run("sysctl", "hw").is(0, "hw.machine = jvm\nhw.ncpu = 4\nhw.machine_arch = x86_64\n", "");
        k.run("sysctl", "-a").is(0, "kern.ostype = modkern\nkern.osrelease = 0.1\nkern.version = modkern 0.1\n\n"
                + "kern.maxproc = 30000\nkern.securelevel = 0\nkern.hostname = box\n"
                + "kern.boottime = Tue Nov 14 22:13:20 2023\nhw.machine = jvm\nhw.ncpu = 4\nhw.machine_arch = x86_64\n", "");
        k.run("sysctl", "-an").is(0, "modkern\n0.1\nmodkern 0.1\n\n30000\n0\nbox\nTue Nov 14 22:13:20 2023\njvm\n4\nx86_64\n",
                "");
    }

    @Test
    public void aNodeTheKernelLacksIsAnErrorOnlyWhenNamed() {
        k.run("sysctl", "kern.maxfiles").is(1, "", "sysctl: kern.maxfiles: No such file or directory\n");
        k.run("sysctl", "hw.pagesize", "hw.ncpu").is(1, "hw.ncpu = 4\n", "sysctl: hw.pagesize: No such file or directory\n");
    }

    @Test
    public void unknownNamesSayWhichLevel() {
        k.run("sysctl", "vm").is(1, "", "sysctl: top level name 'vm' in 'vm' is invalid\n");
        k.run("sysctl", "kern.nope").is(1, "", "sysctl: second level name 'nope' in 'kern.nope' is invalid\n");
        k.run("sysctl", "kern.hostname.x").is(1, "", "sysctl: third level name 'x' in 'kern.hostname.x' is invalid\n");
        k.run("sysctl", "kern.nope=1").is(1, "", "sysctl: second level name 'nope' in 'kern.nope' is invalid\n");
    }

    @Test
    public void setsAsRoot() {
        k.run("sysctl", "kern.hostname=newbox").is(0, "kern.hostname: box -> newbox\n", "");
        assertEquals("newbox", k.sysctlValue("kern.hostname"));
        k.run("sysctl", "-w", "kern.securelevel=1").is(0, "kern.securelevel: 0 -> 1\n", "");
        assertEquals("1", k.sysctlValue("kern.securelevel"));
        k.run("sysctl", "-n", "kern.securelevel=2").is(0, "1 -> 2\n", "");
    }

    @Test
    public void refusals() {
        k.run("sysctl", "kern.ostype=x").is(1, "", "sysctl: kern.ostype: Operation not permitted\n");
        k.run("sysctl", "kern.securelevel=high").is(1, "", "sysctl: kern.securelevel: invalid integer 'high'\n");
        k.user(100, 100);
        k.run("sysctl", "kern.hostname=x").is(1, "", "sysctl: kern.hostname: Operation not permitted\n");
        assertEquals("box", k.sysctlValue("kern.hostname"));
        assertEquals("modkern", k.sysctlValue("kern.ostype"));
    }

    @Test
    public void usage() {
        k.run("sysctl").is(1, "", USAGE);
        k.run("sysctl", "-a", "kern").is(1, "", USAGE);
        k.run("sysctl", "-x").is(1, "", "sysctl: unknown option -- x\n" + USAGE);
    }
}
