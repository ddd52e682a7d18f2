package org.modkern.userland.bin.hostname;

import static org.junit.Assert.assertEquals;

import org.junit.Test;
import org.modkern.userland.bin.FakeSystem;

public class HostnameTest {
    private final FakeSystem k = new FakeSystem().program("/bin/hostname", Hostname.class)
            .sysctl("kern.hostname", "box.example.org");

    @Test
    public void printsAndSets() {
        k.run("hostname").is(0, "box.example.org\n", "");
        k.run("hostname", "-s").is(0, "box\n", "");
        k.run("hostname", "other").is(0, "", "");
        assertEquals("other", k.sysctlValue("kern.hostname"));
        k.run("hostname", "-s").is(0, "other\n", "");
    }

    @Test
    public void onlyRootSets() {
        k.user(100, 100);
        k.run("hostname", "mine").is(1, "", "hostname: sethostname: Operation not permitted\n");
        assertEquals("box.example.org", k.sysctlValue("kern.hostname"));
    }

    @Test
    public void errorsAndUsage() {
        new FakeSystem().program("/bin/hostname", Hostname.class).run("hostname")
                .is(1, "", "hostname: gethostname: No such file or directory\n");
        k.run("hostname", "a", "b").is(1, "", "usage: hostname [-s] [name-of-host]\n");
        k.run("hostname", "-f").is(1, "", "hostname: unknown option -- f\nusage: hostname [-s] [name-of-host]\n");
    }
}
