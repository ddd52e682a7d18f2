package org.modkern.userland.bin.printf;

import static org.junit.Assert.assertEquals;

import org.junit.Test;
import org.modkern.userland.bin.FakeSystem;

public class PrintfTest {
    private final FakeSystem k = new FakeSystem().program("/usr/bin/printf", Printf.class);

    /** {format, arguments..., expected output}: the outputs are what the host's printf(1) printed. */
    private static final String[][] FORMATS = {
        {"hello\\n", "hello\n"},
        {"%s|%s\\n", "a", "b", "a|b\n"},
        {"[%5s][%-5s][%.2s]", "ab", "ab", "abcdef", "[   ab][ab   ][ab]"},
        {"%d %i %+d % d", "42", "-7", "5", "5", "42 -7 +5  5"},
        {"[%5d][%-5d][%05d][%.3d][%8.3d]", "42", "42", "-42", "7", "-7", "[   42][42   ][-0042][007][    -007]"},
        {"%x %X %o %#x %#o %u", "255", "255", "8", "255", "8", "-1", "ff FF 10 0xff 010 18446744073709551615"},
        {"%d %d %d", "0x1f", "010", "'A", "31 8 65"},
        {"%c%c|%c", "xyz", "", "x\0|\0"},
        {"%%", "%"},
        {"%5.1f|%e|%g|%g|%G", "3.14159", "1234.5", "0.0001", "1e10", "1e-5", "  3.1|1.234500e+03|0.0001|1e+10|1E-05"},
        {"%g %g %.3g", "100000", "1000000", "3.14159", "100000 1e+06 3.14"},
        {"%f", "1", "1.000000"},
        {"%s\\n", "a", "b", "c", "a\nb\nc\n"},
        {"%s %s\\n", "a", "b", "c", "a b\nc \n"},
        {"%d|%s|\\n", "0||\n"},
        {"%*d|%-*d|%.*s", "4", "7", "3", "8", "2", "abc", "   7|8  |ab"},
        {"tab\\there\\\\ \\101\\0101", "tab\there\\ A\b1"},
        {"%b", "a\\tb\\0101\\c ignored", "a\tbA"},
        {"no args", "extra", "no args"},
    };

    @Test
    public void formats() {
        for (String[] t : FORMATS) {
            String[] args = new String[t.length - 1];
            System.arraycopy(t, 0, args, 0, args.length);
            Formatter f = new Formatter(args[0], java.util.Arrays.copyOfRange(args, 1, args.length));
            assertEquals(String.join(" ", args), 0, f.run());
            assertEquals(String.join(" ", args), t[t.length - 1], f.output());
        }
    }

    @Test
    public void throughTheProgram() {
        k.run("printf", "%s=%d\\n", "a", "1", "b", "2").is(0, "a=1\nb=2\n", "");
        k.run("printf", "--", "%s\\n", "x").is(0, "x\n", "");
        k.run("printf", "\\303\\251|%s|%3s\\n", "\u00e9", "\u00e9").is(0, "\u00e9|\u00e9| \u00e9\n", "");
    }

    @Test
    public void badNumbersAreReportedAndTheRestPrinted() {
        k.run("printf", "%d %d %d\\n", "abc", "12abc", "99999999999999999999").is(1, "0 12 9223372036854775807\n",
                "printf: abc: expected numeric value\nprintf: 12abc: not completely converted\n"
                        + "printf: 99999999999999999999: Result too large\n");
        k.run("printf", "%f\\n", "1.5x").is(1, "1.500000\n", "printf: 1.5x: not completely converted\n");
    }

    @Test
    public void badDirectivesAndUsage() {
        k.run("printf", "a%yb").is(1, "a", "printf: %y: invalid directive\n");
        k.run("printf", "a%").is(1, "a", "printf: missing format character\n");
        k.run("printf").is(1, "", "usage: printf format [arguments ...]\n");
    }
}
