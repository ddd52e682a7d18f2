package org.modkern.userland.bin.sh;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** The newer expansions: patterns, pathname marks, substitutions, arithmetic, IFS delimiters. */
public class ExpansionTest {
    /** The patterns pathname expansion was asked for, and what it answers. */
    private final List<String> globbed = new ArrayList<>();
    private final Map<String, List<String>> paths = new HashMap<>();
    private boolean noglob;
    private boolean nounset;
    private final MapVars v = new MapVars() {
        @Override
        public String substitute(Ast.CommandList body) {
            return "<" + Ast.show(body) + ">";
        }

        @Override
        public List<String> glob(String pattern) {
            globbed.add(pattern);
            return paths.getOrDefault(pattern, List.of());
        }

        @Override
        public boolean noglob() {
            return noglob;
        }

        @Override
        public boolean nounset() {
            return nounset;
        }
    };
    private final Map<String, String> vars = v.vars;
    private final Expander x = new Expander(v);

    private List<String> fields(String text) {
        return Parsing.fields(x, text);
    }

    private String failure(String text) {
        try {
            fields(text);
        } catch (Expander.Failure e) {
            return e.getMessage();
        }
        fail("no failure in " + text);
        return null;
    }

    @Test
    public void patternRemoval() {
        vars.put("p", "/usr/lib/libc.so.12");
        assertEquals(List.of("/usr/lib", "libc.so.12", "/usr/lib/libc.so", "/usr/lib/libc"),
                fields("${p%/*} ${p##*/} ${p%.*} ${p%%.*}"));
        // Quoted pattern characters are literal; an unset variable is empty.
        vars.put("s", "a*b*");
        assertEquals(List.of("a*b", "a", "b*"), fields("${s%'*'} ${s%%\\**} ${s#\"a*\"}"));
        assertEquals(List.of(), fields("${nope%x}"));
        nounset = true;
        assertEquals("nope: parameter not set", failure("${nope#x}"));
    }

    @Test
    public void defaultWordsKeepTheirQuoting() {
        assertEquals(List.of("a b", "c"), fields("${u:-\"a b\" c}"));
        assertEquals(List.of("a", "b"), fields("${u:-a b}"));
        assertEquals(List.of(""), fields("\"${u:-}\""));
        assertEquals(List.of(""), fields("\"${u:+x}\""));
        assertEquals(List.of(), fields("${u:+x}"));
        vars.put("s", "1");
        assertEquals(List.of("x y"), fields("${s:+\"x y\"}"));
        nounset = true;
        assertEquals(List.of("d"), fields("${u-d}"));
        assertEquals("u: parameter not set", failure("$u"));
    }

    @Test
    public void pathnameExpansionMarks() {
        paths.put("*.c", List.of("a.c", "b.c"));
        assertEquals(List.of("a.c", "b.c"), fields("*.c"));
        assertEquals(List.of("*.c"), globbed);
        // No match: the word stays.
        assertEquals(List.of("x*"), fields("x*"));
        // Quoted characters are escaped in the pattern; all-quoted words are not expanded.
        globbed.clear();
        assertEquals(List.of("'*.c", "*", "*"), fields("\"'\"*.c \"*\" \\*"));
        assertEquals(List.of("'*.c"), globbed);
        // An unquoted expansion's characters are pattern characters, a quoted one's are not.
        globbed.clear();
        vars.put("v", "*.c");
        assertEquals(List.of("a.c", "b.c", "*.c"), fields("$v \"$v\""));
        assertEquals(List.of("*.c"), globbed);
        noglob = true;
        assertEquals(List.of("*.c"), fields("*.c"));
    }

    @Test
    public void commandSubstitutionAndArithmetic() {
        assertEquals(List.of("<[echo", "a]>"), fields("$(echo a)"));
        assertEquals(List.of("<[echo a]>"), fields("\"$(echo a)\""));
        vars.put("n", "6");
        assertEquals(List.of("7", "x12"), fields("$((n + 1)) x$(( n * 2 ))"));
        assertEquals("arithmetic expression: division by zero: \"n / 0\"", failure("$((n / 0))"));
    }

    @Test
    public void nonBlankSeparators() {
        vars.put("IFS", " :");
        vars.put("v", "a : b::c:");
        assertEquals(List.of("a", "b", "", "c"), fields("$v"));
        vars.put("v", ":x");
        assertEquals(List.of("", "x"), fields("$v"));
        vars.put("v", "  x  ");
        assertEquals(List.of("x"), fields("$v"));
    }
}
