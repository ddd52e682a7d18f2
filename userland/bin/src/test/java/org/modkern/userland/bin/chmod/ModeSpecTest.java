package org.modkern.userland.bin.chmod;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import org.junit.Test;

/** setmode(3)'s reading of modes. */
public class ModeSpecTest {
    private static int apply(String spec, int old, boolean dir, int umask) {
        return ModeSpec.parse(spec).apply(old, dir, umask);
    }

    @Test
    public void octalIsAbsolute() {
        assertEquals(0755, apply("755", 04777, false, 022));
        assertEquals(01777, apply("1777", 0, true, 077));
        assertEquals(0, apply("0", 0644, false, 0));
    }

    @Test
    public void whoOpPerm() {
        assertEquals(0744, apply("u+x,go+r", 0600, false, 022));
        assertEquals(0640, apply("go-w,o-r", 0666, false, 0));
        assertEquals(0444, apply("a=r", 06777, false, 0));
        assertEquals(0750, apply("u=rwx,g=rx,o=", 0, false, 0));
        assertEquals("several ops in one clause", 0754, apply("u+x-w+w,g=rx,o=r", 0644, false, 0));
    }

    @Test
    public void noWhoHonoursTheUmask() {
        assertEquals(0755, apply("+x", 0644, false, 022));
        assertEquals(0644, apply("+w", 0444, false, 022));
        assertEquals("- too keeps the umask's bits", 0466, apply("-w", 0666, false, 022));
        assertEquals("= clears all but sticky, then sets what the umask allows", 01644,
                apply("=rw", 01777, false, 022));
    }

    @Test
    public void copyFromAnotherWho() {
        assertEquals(0664, apply("g=u", 0604, false, 0));
        assertEquals("copying drops set-id bits of the who", 0666, apply("g=u,o=g", 02604, false, 0));
        assertEquals(0646, apply("o+u", 0640, false, 0));
    }

    @Test
    public void capitalXOnlyForDirectoriesAndExecutables() {
        assertEquals(0644, apply("a+X", 0644, false, 0));
        assertEquals(0755, apply("a+X", 0644, true, 0));
        assertEquals(0755, apply("a+X", 0744, false, 0));
        assertEquals("an x set earlier in the same mode counts", 0755, apply("u+x,a+X", 0644, false, 0));
    }

    @Test
    public void setIdAndSticky() {
        assertEquals(04755, apply("u+s", 0755, false, 0));
        assertEquals(02755, apply("g+s", 0755, false, 0));
        assertEquals("o+s means nothing", 0755, apply("o+s", 0755, false, 0));
        assertEquals(01777, apply("+t", 0777, true, 022));
        assertEquals("u+t means nothing", 0777, apply("u+t", 0777, true, 0));
        assertEquals(0755, apply("a-st", 07755, false, 0));
    }

    @Test
    public void emptyPermsAreValid() {
        assertEquals(0640, apply("o=", 0647, false, 0));
        assertEquals(0647, apply("-", 0647, false, 0));
    }

    @Test
    public void badModes() {
        for (String s : new String[] {"", "u", "ux", "+q", "u+x,", ",u+x", "8", "0778", "777777", "u+x g+w",
                "a+rw,z=r", "=,"}) {
            assertNull(s, ModeSpec.parse(s));
        }
    }
}
