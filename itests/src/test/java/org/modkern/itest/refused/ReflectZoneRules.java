package org.modkern.itest.refused;

import java.time.zone.ZoneRulesProvider;
import org.modkern.libc.Libc;

/** Registers zone rules that the kernel and every process would then run. The native format must refuse it before it runs (EscapeIT). */
public final class ReflectZoneRules {
    private ReflectZoneRules() {}

    public static int main(Libc sys, String[] argv) throws Exception {
        ZoneRulesProvider.refresh();
        return 0;
    }
}
