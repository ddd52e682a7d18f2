package org.modkern.userland.bin.sh;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import java.util.Map;
import org.junit.Test;

public class ArithmeticTest {
    private final MapVars v = new MapVars();
    private final Map<String, String> vars = v.vars;

    private long eval(String s) {
        return Arithmetic.eval(s, v);
    }

    private String error(String s) {
        try {
            eval(s);
        } catch (Expander.Failure e) {
            return e.getMessage();
        }
        fail("no error in " + s);
        return null;
    }

    @Test
    public void operators() {
        assertEquals(7, eval("1 + 2 * 3"));
        assertEquals(9, eval("(1 + 2) * 3"));
        assertEquals(3, eval("10 / 3"));
        assertEquals(-3, eval("-10 / 3"));
        assertEquals(1, eval("10 % 3"));
        assertEquals(1, eval("2 < 3"));
        assertEquals(0, eval("2 >= 3"));
        assertEquals(1, eval("3 == 3 && 2 != 3"));
        assertEquals(1, eval("0 || 5"));
        assertEquals(0, eval("!7"));
        assertEquals(-1, eval("~0"));
        assertEquals(8, eval("1 << 3"));
        assertEquals(6, eval("7 & 6"));
        assertEquals(7, eval("5 | 2"));
        assertEquals(3, eval("5 ^ 6"));
        assertEquals(5, eval("1 ? 5 : 6"));
        assertEquals(6, eval("0 ? 5 : 6"));
        assertEquals(-2, eval("- -  -2"));
        assertEquals(24, eval("010 + 0x10"));
        assertEquals(0, eval(""));
        assertEquals(0, eval("   "));
    }

    @Test
    public void variables() {
        vars.put("x", "4");
        vars.put("e", "");
        assertEquals(5, eval("x + 1"));
        assertEquals(0, eval("unset + e"));
        assertEquals(10, eval("y = x + 6"));
        assertEquals("10", vars.get("y"));
        assertEquals(12, eval("y += 2"));
        assertEquals(36, eval("y *= 3"));
        assertEquals("36", vars.get("y"));
        assertEquals(1, eval("x == 4"));
        assertEquals("4", vars.get("x"));
        vars.put("s", "abc");
        assertEquals("arithmetic expression: s=\"abc\" is not a number", error("s + 1"));
    }

    @Test
    public void shortCircuit() {
        // The side not taken is not evaluated: no division by zero, no assignment.
        assertEquals(0, eval("0 && 1 / 0"));
        assertEquals(1, eval("1 || (z = 1)"));
        assertEquals(null, vars.get("z"));
        assertEquals(2, eval("1 ? 2 : 1 / 0"));
    }

    @Test
    public void errors() {
        assertEquals("arithmetic expression: division by zero: \"1/0\"", error("1/0"));
        assertEquals("arithmetic expression: division by zero: \"5 % 0\"", error("5 % 0"));
        assertEquals("arithmetic expression: syntax error: \"1 +\"", error("1 +"));
        assertEquals("arithmetic expression: syntax error: \"(1\"", error("(1"));
        assertEquals("arithmetic expression: syntax error: \"1 2\"", error("1 2"));
        assertEquals("arithmetic expression: bad number \"09\"", error("09"));
        assertEquals("arithmetic expression: bad number \"1x\"", error("1x"));
        assertEquals("arithmetic expression: syntax error: \"1 ? 2\"", error("1 ? 2"));
    }
}
