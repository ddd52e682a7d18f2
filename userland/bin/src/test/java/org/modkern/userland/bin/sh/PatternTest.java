package org.modkern.userland.bin.sh;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class PatternTest {
    @Test
    public void wildcards() {
        assertTrue(Pattern.matches("*", ""));
        assertTrue(Pattern.matches("*", "abc"));
        assertTrue(Pattern.matches("a*c", "abbbc"));
        assertTrue(Pattern.matches("a*c", "ac"));
        assertFalse(Pattern.matches("a*c", "acb"));
        assertTrue(Pattern.matches("?b?", "abc"));
        assertFalse(Pattern.matches("?", ""));
        assertFalse(Pattern.matches("??", "a"));
        assertTrue(Pattern.matches("*a*b*", "xxaxxbxx"));
        assertFalse(Pattern.matches("*a*b*", "xxbxxaxx"));
        assertTrue(Pattern.matches("abc", "abc"));
        assertFalse(Pattern.matches("abc", "abcd"));
    }

    @Test
    public void sets() {
        assertTrue(Pattern.matches("[abc]", "b"));
        assertFalse(Pattern.matches("[abc]", "d"));
        assertTrue(Pattern.matches("[a-c]x", "cx"));
        assertTrue(Pattern.matches("[!a-c]", "d"));
        assertTrue(Pattern.matches("[^a-c]", "d"));
        assertFalse(Pattern.matches("[!a-c]", "a"));
        assertTrue(Pattern.matches("[]]", "]"));
        assertTrue(Pattern.matches("[!]]", "a"));
        assertTrue(Pattern.matches("[a-]", "-"));
        assertTrue(Pattern.matches("[[:digit:]][[:alpha:]]", "1x"));
        assertFalse(Pattern.matches("[[:upper:]]", "x"));
        assertTrue(Pattern.matches("[[:space:]]", " "));
        // A [ without ] is itself.
        assertTrue(Pattern.matches("[a", "[a"));
        assertFalse(Pattern.matches("[a", "a"));
    }

    @Test
    public void escapes() {
        assertTrue(Pattern.matches("\\*", "*"));
        assertFalse(Pattern.matches("\\*", "a"));
        assertTrue(Pattern.matches("a\\?", "a?"));
        assertTrue(Pattern.matches("[\\]]", "]"));
        assertTrue(Pattern.hasMeta("a*"));
        assertTrue(Pattern.hasMeta("[ab]"));
        assertFalse(Pattern.hasMeta("a\\*"));
        assertFalse(Pattern.hasMeta("[ab"));
        assertEquals("a*b", Pattern.unescape("a\\*b"));
    }

    @Test
    public void removal() {
        String v = "dir/file.tar.gz";
        assertEquals("dir/file.tar", Pattern.removeSuffix(v, ".*", false));
        assertEquals("dir/file", Pattern.removeSuffix(v, ".*", true));
        assertEquals("file.tar.gz", Pattern.removePrefix(v, "*/", false));
        assertEquals("tar.gz", Pattern.removePrefix(v, "*.", false));
        assertEquals("gz", Pattern.removePrefix(v, "*.", true));
        assertEquals(v, Pattern.removePrefix(v, "x*", true));
        assertEquals(v, Pattern.removeSuffix(v, "", false));
        assertEquals("", Pattern.removeSuffix(v, "*", true));
        assertEquals(v, Pattern.removeSuffix(v, "*", false));
    }
}
