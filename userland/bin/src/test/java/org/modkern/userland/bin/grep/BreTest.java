package org.modkern.userland.bin.grep;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.regex.Pattern;
import org.junit.Test;

/** The translation of POSIX basic and extended expressions to java.util.regex, as a table. */
public class BreTest {
    /** {POSIX expression, its java.util.regex form}. */
    private static final String[][] BASIC = {
        {"abc", "abc"},
        {"a.c", "a.c"},
        {"a*", "a*"},
        {"*a", "\\*a"},
        {"^*a", "^\\*a"},
        {"\\(*a\\)", "(\\*a)"},
        {"a**", "a*"},
        {"^a$", "^a$"},
        {"a^b$c", "a\\^b\\$c"},
        {"\\(^a$\\)", "(^a$)"},
        {"\\(ab\\)*", "(ab)*"},
        {"\\(a\\)\\1", "(a)\\1"},
        {"a\\{2\\}", "a{2}"},
        {"a\\{2,\\}", "a{2,}"},
        {"a\\{2,3\\}", "a{2,3}"},
        {"\\(ab\\)\\{1,2\\}", "(ab){1,2}"},
        {"a+b?c|d", "a\\+b\\?c\\|d"},
        {"a{1}", "a\\{1\\}"},
        {"(a)", "\\(a\\)"},
        {"a\\+", "a+"},
        {"a\\|b", "a|b"},
        {"\\.\\*\\[\\\\", "\\.\\*\\[\\\\"},
        {"[abc]", "[abc]"},
        {"[^abc]", "[^abc]"},
        {"[]a]", "[\\]a]"},
        {"[^]a]", "[^\\]a]"},
        {"[a-z0-9]", "[a-z0-9]"},
        {"[a-]", "[a\\-]"},
        {"[\\]", "[\\\\]"},
        {"[[:digit:][:alpha:]]", "[0-9\\p{Alpha}]"},
        {"[[:space:]]", "[\\s]"},
        {"[&&]", "[\\&\\&]"},
        {"[[.a.]]", "[a]"},
        {"\\<word\\>", "\\b(?=\\w)word\\b(?<=\\w)"},
    };

    private static final String[][] EXTENDED = {
        {"a+b?", "a+b?"},
        {"(ab)+", "(ab)+"},
        {"a|b", "a|b"},
        {"a{2,3}", "a{2,3}"},
        {"a{,3}", "a\\{,3\\}"},
        {"a{x}", "a\\{x\\}"},
        {"\\(a\\)", "\\(a\\)"},
        {"a^b$", "a^b$"},
        {"*a", "\\*a"},
        {"a+?", "(?:a+)?"},
        {"(a)*+", "(?:(a)*)+"},
        {"(a|b)\\1", "(a|b)\\1"},
        {"\\+", "\\+"},
    };

    @Test
    public void basic() {
        for (String[] t : BASIC) {
            assertEquals(t[0], t[1], Bre.toJava(t[0], false));
            Pattern.compile(t[1]); // and Java accepts it
        }
    }

    @Test
    public void extended() {
        for (String[] t : EXTENDED) {
            assertEquals(t[0], t[1], Bre.toJava(t[0], true));
            Pattern.compile(t[1]);
        }
    }

    @Test
    public void translatedExpressionsMatchWhatPosixSays() {
        assertTrue(find("a\\{2\\}", false, "xaax"));
        assertFalse(find("a\\{3\\}", false, "xaax"));
        assertTrue(find("a+", false, "a+"));
        assertFalse(find("a+", false, "aa"));
        assertTrue(find("a+", true, "aa"));
        assertTrue(find("\\(ab\\)\\1", false, "xababx"));
        assertFalse(find("\\(ab\\)\\1", false, "xabx"));
        assertTrue(find("^*", false, "*x"));
        assertFalse(find("^*", false, "x"));
        assertTrue(find("a$b", false, "a$b"));
        assertTrue(find("[]]", false, "]"));
        assertTrue(find("x.y", false, "x\ry"));
        assertTrue(find("[[:upper:]]", false, "aB"));
        assertFalse(find("[[:upper:]]", false, "ab"));
    }

    @Test
    public void malformedExpressionsSayWhy() {
        bad("\\(a", false, "parentheses not balanced");
        bad("a\\)", false, "parentheses not balanced");
        bad("(a", true, "parentheses not balanced");
        bad("a)", true, "parentheses not balanced");
        bad("[abc", false, "brackets ([ ]) not balanced");
        bad("[[:nope:]]", false, "invalid character class");
        bad("a\\{3,2\\}", false, "invalid repetition count(s)");
        bad("a\\{x\\}", false, "invalid repetition count(s)");
        bad("a{3,2}", true, "invalid repetition count(s)");
        bad("a\\{300\\}", false, "invalid repetition count(s)");
        bad("ab\\", false, "trailing backslash (\\)");
        bad("\\1", false, "invalid backreference number");
        bad("\\(a\\1\\)", false, "invalid backreference number");
        bad("[z-a]", false, "invalid character range");
    }

    private static boolean find(String re, boolean ere, String text) {
        return Pattern.compile(Bre.toJava(re, ere), Pattern.UNIX_LINES).matcher(text).find();
    }

    private static void bad(String re, boolean ere, String why) {
        try {
            Bre.toJava(re, ere);
            fail(re + " accepted");
        } catch (IllegalArgumentException e) {
            assertEquals(re, why, e.getMessage());
        }
    }
}
