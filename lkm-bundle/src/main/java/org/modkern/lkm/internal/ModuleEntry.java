package org.modkern.lkm.internal;

import org.modkern.lkm.ModType;
import org.osgi.framework.Bundle;

/**
 * One row of the module table (BSD's struct lkm_table): id, name, type, size in KiB, the bundle,
 * and whether the module is built in (the boot set). What the kernel wired for it (the
 * system-call slot, the device major ...) is asked of the kernel when needed.
 */
public record ModuleEntry(int id, String name, ModType type, int sizeKiB, Bundle bundle, boolean builtin) {
    /** LKM_VERSION, printed in modstat's Rev column. */
    public static final int LKM_VERSION = 2;
}
