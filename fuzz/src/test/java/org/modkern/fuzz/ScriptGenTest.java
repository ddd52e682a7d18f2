package org.modkern.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.modkern.fuzz.prog.Script;
import org.modkern.fuzz.prog.Script.Arg;
import org.modkern.fuzz.prog.Script.Call;
import org.modkern.fuzz.prog.Script.Segment;

/** The generator's promises to the harness, over many inputs; and the script format's round trip. */
class ScriptGenTest {
    private static final int INPUTS = 400;

    private static Script script(int seed, boolean confined) {
        byte[] input = new byte[new Random(seed).nextInt(64)];
        new Random(seed).nextBytes(input);
        return ScriptGen.script(new Choices(input), confined ? -1 : 1001, 100, "/fz/t", confined, 64, 0);
    }

    /** The word a call passes for its n-th argument (behind the indirect call's slot). */
    private static Arg arg(Call c, int n) {
        return c.args().get(c.slot() == 0 ? n + 1 : n);
    }

    private static int target(Call c) {
        return c.slot() == 0 ? (int) c.args().get(0).value() : c.slot();
    }

    @Test
    void sameInputSameScript() {
        for (int seed = 0; seed < 50; seed++) {
            assertArrayEquals(script(seed, false).encode(), script(seed, false).encode());
        }
        assertNotEquals(script(1, false).calls(), script(2, false).calls());
    }

    @Test
    void scriptsSurviveTheirEncoding() {
        for (int seed = 0; seed < 50; seed++) {
            Script s = script(seed, seed % 2 == 0);
            Script back = Script.decode(s.encode());
            assertEquals(s.calls().toString(), back.calls().toString());
            assertArrayEquals(s.encode(), back.encode());
            assertEquals(s.cwd(), back.cwd());
        }
    }

    @Test
    void noProcessSendsSigabrtOrExitsWithAStatusOfTheHarness() {
        for (int seed = 0; seed < INPUTS; seed++) {
            for (Call c : script(seed, seed % 3 == 0).calls()) {
                if (target(c) == 37) {
                    assertEquals(Script.RAW, arg(c, 1).kind(), c.toString());
                    assertNotEquals(6, (int) arg(c, 1).value(), c.toString());
                }
                if (target(c) == 1) {
                    assertTrue(arg(c, 0).value() >= 0 && arg(c, 0).value() < 100, c.toString());
                }
            }
        }
    }

    @Test
    void theRootProcessNamesNothingAboveItsDirectoryAndLeavesTheSecurelevel() {
        int paths = 0;
        int sets = 0;
        for (int seed = 0; seed < INPUTS; seed++) {
            for (Call c : script(seed, true).calls()) {
                if (target(c) == 202 && !arg(c, 4).equals(Arg.raw(0))) {
                    Arg name = arg(c, 0);
                    sets++;
                    if (name.equals(Arg.raw(0))) {
                        continue; // a NULL name: EFAULT
                    }
                    assertEquals(Script.PTR, name.kind(), c.toString());
                    byte[] b = c.segments().stream().filter(x -> x.index() == name.seg()).findFirst().orElseThrow().data();
                    assertFalse(name.value() == 0 && b.length >= 8 && b[0] == 1 && b[4] == 9, "securelevel: " + c);
                }
                Calls.Sig sig = Calls.TABLE.get(target(c));
                if (sig == null || target(c) == 0) {
                    continue;
                }
                for (int i = 0; i < sig.args().size(); i++) {
                    if (sig.args().get(i) != Calls.Type.PATH && sig.args().get(i) != Calls.Type.TARGET) {
                        continue;
                    }
                    Arg a = arg(c, i);
                    assertTrue(a.kind() == Script.PTR || a.equals(Arg.raw(0)), "a path argument: " + c);
                    if (a.kind() == Script.PTR) {
                        Segment s = c.segments().stream().filter(x -> x.index() == a.seg()).findFirst().orElseThrow();
                        assertTrue(a.value() == 0 || a.value() == s.length(), "a confined path starts at its segment"
                                + " (or points past it): " + c);
                        String p = new String(s.data(), StandardCharsets.ISO_8859_1);
                        p = p.indexOf('\0') >= 0 ? p.substring(0, p.indexOf('\0')) : p;
                        assertFalse(p.startsWith("/"), p);
                        assertFalse(("/" + p + "/").contains("/../"), p);
                        paths++;
                    }
                }
            }
        }
        assertTrue(paths > 1000, "only " + paths + " paths checked");
        assertTrue(sets > 10, "only " + sets + " sysctl values set");
    }

    /** Every input makes a trial (the generator once overflowed its buffer for three long spawn file actions). */
    @Test
    void everyInputMakesATrial() {
        Trial.from(new Choices(new byte[] {0x3b, 0x27, 0x46, (byte) 0xf2}), 4, 64, 0);
        Random r = new Random(7);
        for (int i = 0; i < 1000; i++) {
            byte[] input = new byte[r.nextInt(16)];
            r.nextBytes(input);
            assertEquals(4, Trial.from(new Choices(input), 4, 64, 0).scripts.size());
        }
    }

    @Test
    void choicesFollowTheInputThenARandomStream() {
        Choices c = new Choices(new byte[] {5, 7});
        assertEquals(5, c.consumeInt(0, 255));
        assertEquals(7, c.consumeInt(0, 255));
        assertEquals(2, c.inputBytesUsed());
        int v = c.consumeInt(10, 20);
        assertTrue(v >= 10 && v <= 20);
        Choices again = new Choices(new byte[] {5, 7});
        again.consumeInt(0, 255);
        again.consumeInt(0, 255);
        assertEquals(v, again.consumeInt(10, 20));
    }
}
