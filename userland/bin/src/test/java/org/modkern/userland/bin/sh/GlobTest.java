package org.modkern.userland.bin.sh;

import static org.junit.Assert.assertEquals;

import org.junit.Before;
import org.junit.Test;

/** Pathname expansion by sh over the fake kernel's directories. */
public class GlobTest {
    private final ShFixture f = new ShFixture();

    @Before
    public void tree() {
        f.k.dir("/tmp/g").file("/tmp/g/b2", "").file("/tmp/g/a1", "").file("/tmp/g/a2", "")
                .file("/tmp/g/.hid", "").file("/tmp/g/c*", "").dir("/tmp/g/d").file("/tmp/g/d/x.c", "")
                .dir("/tmp/g/e").file("/tmp/g/e/y.c", "").file("/tmp/g/e/z.h", "");
    }

    private String echo(String words) {
        return f.sh("cd /tmp/g; echo " + words).out();
    }

    @Test
    public void wildcardsSortedWithoutDotfiles() {
        assertEquals("a1 a2 b2 c* d e\n", echo("*"));
        assertEquals("a1 a2\n", echo("a?"));
        assertEquals("a1 a2 b2\n", echo("[ab]*"));
        assertEquals("b2 c* d e\n", echo("[!a]*"));
        assertEquals(".hid\n", echo(".*"));
        assertEquals("x-a1\nx-a2\n", f.sh("cd /tmp/g; for a in a*; do echo x-$a; done").out());
    }

    @Test
    public void acrossDirectories() {
        assertEquals("d/x.c e/y.c\n", echo("*/*.c"));
        assertEquals("/tmp/g/d/x.c /tmp/g/e/y.c\n", echo("/tmp/g/*/*.c"));
        assertEquals("d/ e/\n", echo("*/"));
        assertEquals("/tmp/g/e/z.h\n", echo("/tmp/*/e/z.h"));
        assertEquals("e/z.h\n", echo("*/z.h"));
    }

    @Test
    public void noMatchQuotingAndNoglob() {
        assertEquals("*.none\n", echo("*.none"));
        assertEquals("/nodir/*\n", echo("/nodir/*"));
        assertEquals("* *\n", echo("'*' \"*\""));
        assertEquals("c*\n", echo("c\\*"));
        assertEquals("a1 a2 a*\n", f.sh("cd /tmp/g; x='a*'; echo $x \"$x\"").out());
        assertEquals("*\n", f.sh("cd /tmp/g; set -f; echo *").out());
        // Words of assignments and case are not expanded.
        assertEquals("a*\n", f.sh("cd /tmp/g; x=a*; echo \"$x\"").out());
        assertEquals("lit\n", f.sh("cd /tmp/g; case a1 in a*) echo lit;; esac").out());
    }
}
