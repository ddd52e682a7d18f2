package org.modkern.lkm.internal;

import java.util.List;
import org.modkern.kern.WiredService;
import org.modkern.lkm.ModType;

/**
 * What modstat shows of a module (BSD's struct lmc_stat): the type's value ("Off": the system-call
 * slot; a device's block major in the high 16 bits and character major in the low 16 when it has
 * both, else the one it has; an exec format's probe order; -1 otherwise), the bundle id as
 * "Loadaddr", the size in KiB, the number of wired services as "Info" ("builtin" for the boot set).
 */
public record ModuleStat(int id, String name, ModType type, int offset, long loadaddr, int sizeKiB,
        int services, int rev, boolean builtin) {

    static ModuleStat of(ModuleEntry e, List<WiredService> wired) {
        return new ModuleStat(e.id(), e.name(), e.type(), offset(e.type(), wired), e.bundle().getBundleId(),
                e.sizeKiB(), wired.size(), ModuleEntry.LKM_VERSION, e.builtin());
    }

    static int offset(ModType type, List<WiredService> wired) {
        int c = first(wired, "cdevsw");
        int b = first(wired, "bdevsw");
        return switch (type) {
            case SYSCALL -> first(wired, "sysent");
            case DEV -> c >= 0 && b >= 0 ? (b & 0xffff) << 16 | (c & 0xffff) : Math.max(c, b);
            case EXEC -> first(wired, "execsw");
            default -> -1;
        };
    }

    /** A device module's character and block majors, -1 where it has none. */
    static int[] majors(List<WiredService> wired) {
        return new int[] {first(wired, "cdevsw"), first(wired, "bdevsw")};
    }

    private static int first(List<WiredService> wired, String table) {
        return wired.stream().filter(w -> w.table().equals(table)).mapToInt(WiredService::value)
                .findFirst().orElse(-1);
    }
}
