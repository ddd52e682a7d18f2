package org.modkern.userland.bin.id;

import org.junit.Test;
import org.modkern.userland.bin.FakeSystem;

public class IdTest {
    private static final String USAGE = "usage: id [user]\n       id -G [-n] [user]\n       id -g [-nr] [user]\n"
            + "       id -u [-nr] [user]\n";
    private final FakeSystem k = new FakeSystem().program("/usr/bin/id", Id.class);

    @Test
    public void root() {
        k.run("id").is(0, "uid=0(root) gid=0(wheel)\n", "");
        k.run("id", "-u").is(0, "0\n", "");
        k.run("id", "-un").is(0, "root\n", "");
        k.run("id", "-g", "-n").is(0, "wheel\n", "");
        k.run("id", "-G").is(0, "0\n", "");
        k.run("id", "root").is(0, "uid=0(root) gid=0(wheel)\n", "");
    }

    @Test
    public void otherUsersHaveNoNames() {
        k.user(100, 20);
        k.run("id").is(0, "uid=100 gid=20\n", "");
        k.run("id", "-un").is(0, "100\n", "");
        k.effective(0, 20);
        k.run("id").is(0, "uid=100 gid=20 euid=0(root)\n", "");
        k.run("id", "-u").is(0, "0\n", "");
        k.run("id", "-ur").is(0, "100\n", "");
        k.effective(0, 0);
        k.run("id").is(0, "uid=100 gid=20 euid=0(root) egid=0(wheel)\n", "");
        k.run("id", "-G", "-n").is(0, "20 wheel\n", "");
    }

    @Test
    public void errorsAndUsage() {
        k.run("id", "nobody").is(1, "", "id: nobody: No such user\n");
        k.run("id", "-n").is(1, "", USAGE);
        k.run("id", "-u", "-g").is(1, "", USAGE);
        k.run("id", "-Gr").is(1, "", USAGE);
        k.run("id", "a", "b").is(1, "", USAGE);
        k.run("id", "-x").is(1, "", "id: unknown option -- x\n" + USAGE);
    }
}
