package org.modkern.kernel.internal.sysent;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.junit.Test;
import org.modkern.kernel.internal.sys.SysMount;
import org.modkern.kernel.internal.sys.SysPath;
import org.modkern.kernel.internal.sys.SysctlCall;
import org.modkern.kernel.internal.sys.SysProc;

/** The native table against NetBSD's numbers: every implemented call, and only those, where NetBSD has it. */
public class NativeSysentTest {
    private final SysentTable table = NativeSysent.create(new SysPath(null), new SysMount(null, null, null, null), new SysProc(null, null), new SysctlCall(null));

    @Test
    public void everyImplementedCallSitsInNetbsdsSlotUnderNetbsdsName() throws Exception {
        Map<Integer, String> master = excerpt();
        Map<Integer, String> ours = new TreeMap<>();
        for (int i = 0; i < table.size(); i++) {
            if (!table.lookup(i).isPlaceholder()) {
                ours.put(i, table.name(i));
            }
        }
        assertEquals(master, ours);
    }

    @Test
    public void theTableHasNetbsdsSizeAndItsLoadableSlotsAreFree() {
        assertEquals(512, table.size());
        for (int i = 210; i <= 219; i++) {
            assertTrue("slot " + i, table.lookup(i).isPlaceholder());
            assertEquals("lkmnosys", table.name(i));
        }
    }

    private static Map<Integer, String> excerpt() throws Exception {
        Map<Integer, String> m = new TreeMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                NativeSysentTest.class.getResourceAsStream("/syscalls.master.excerpt"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith(";")) {
                    continue;
                }
                String[] f = line.trim().split("\\s+");
                m.put(Integer.parseInt(f[0]), f[1]);
            }
        }
        return m;
    }
}
