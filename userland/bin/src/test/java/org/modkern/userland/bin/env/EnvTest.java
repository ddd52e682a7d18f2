package org.modkern.userland.bin.env;

import static org.junit.Assert.assertEquals;

import java.util.List;
import org.junit.Test;
import org.modkern.libc.Libc;
import org.modkern.userland.bin.FakeSystem;

public class EnvTest {
    private static final String USAGE = "usage: env [-i] [-u name] [name=value ...] [utility [argument ...]]\n";

    /** A utility that prints its arguments and then its environment. */
    public static final class Show {
        public static int main(Libc sys, String[] argv) {
            sys.out().println(String.join(",", argv));
            for (String e : sys.environ()) {
                sys.out().println(e);
            }
            return 3;
        }
    }

    private final FakeSystem k = new FakeSystem().program("/usr/bin/env", Env.class).program("/bin/show", Show.class)
            .env("PATH", "/bin:/usr/bin").env("HOME", "/root");

    @Test
    public void printsTheEnvironment() {
        k.run("env").is(0, "PATH=/bin:/usr/bin\nHOME=/root\n", "");
        k.run("env", "A=1", "HOME=/").is(0, "PATH=/bin:/usr/bin\nHOME=/\nA=1\n", "");
        k.run("env", "-i", "A=1").is(0, "A=1\n", "");
        k.run("env", "-", "B=2").is(0, "B=2\n", "");
        k.run("env", "-u", "HOME").is(0, "PATH=/bin:/usr/bin\n", "");
        k.run("env", "-i").is(0, "", "");
    }

    @Test
    public void runsTheUtilityInPlace() {
        k.run("env", "X=y", "show", "a", "b=c").is(3, "show,a,b=c\nPATH=/bin:/usr/bin\nHOME=/root\nX=y\n", "");
        assertEquals(1, k.execs.size());
        assertEquals("/bin/show", k.execs.get(0).path());
        assertEquals(List.of("show", "a", "b=c"), k.execs.get(0).argv());
        k.run("env", "-i", "/bin/show").is(3, "/bin/show\n", "");
    }

    @Test
    public void withoutPathTheDefaultDirectoriesAreSearched() {
        k.run("env", "-i", "show").is(3, "show\n", "");
    }

    @Test
    public void notFoundOrNotRunnable() {
        k.run("env", "nope").is(127, "", "env: nope: No such file or directory\n");
        k.run("env", "PATH=/tmp", "show").is(127, "", "env: show: No such file or directory\n");
        k.file("/tmp/text", "not a program");
        k.run("env", "/tmp/text").is(126, "", "env: /tmp/text: Exec format error\n");
    }

    @Test
    public void usage() {
        k.run("env", "-x").is(1, "", "env: unknown option -- x\n" + USAGE);
        k.run("env", "-u").is(1, "", "env: option requires an argument -- u\n" + USAGE);
    }
}
