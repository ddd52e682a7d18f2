package org.modkern.userland.lib;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class PathsTest {
    @Test
    public void stripSlashesKeepsTheRoot() {
        assertEquals("a/b", Paths.stripSlashes("a/b///"));
        assertEquals("a/b", Paths.stripSlashes("a/b"));
        assertEquals("/", Paths.stripSlashes("///"));
        assertEquals("", Paths.stripSlashes(""));
    }

    @Test
    public void basenameIgnoresTrailingSlashes() {
        assertEquals("b", Paths.basename("/a/b/"));
        assertEquals("b", Paths.basename("b"));
        assertEquals("/", Paths.basename("/"));
        assertEquals("/", Paths.basename("//"));
    }

    @Test
    public void joinPutsOneSlash() {
        assertEquals("d/f", Paths.join("d", "f"));
        assertEquals("d/f", Paths.join("d/", "f"));
        assertEquals("/f", Paths.join("/", "f"));
    }
}
