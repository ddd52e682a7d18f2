package org.modkern.lkm.internal;

import java.util.List;

/**
 * modstat(8)'s table: "Type     Id Off Loadaddr Size Info     Rev Module Name", then per module the
 * type in 7 columns, id and offset in 3, load address as 8 hex digits, size in KiB as 4, info as 8,
 * revision in 3, and the name.
 */
final class Modstat {
    private Modstat() {}

    static final String HEADER = "Type     Id Off Loadaddr Size Info     Rev Module Name";

    static String row(ModuleStat s) {
        String info = s.builtin() ? String.format("%-8s", "builtin") : String.format("%08x", s.services());
        return String.format("%-7s %3d %3d %08x %04x %s %3d %s", s.type().modstatName(), s.id(), s.offset(),
                s.loadaddr(), s.sizeKiB(), info, s.rev(), s.name());
    }

    static String table(List<ModuleStat> rows) {
        StringBuilder b = new StringBuilder(HEADER).append('\n');
        rows.forEach(r -> b.append(row(r)).append('\n'));
        return b.toString();
    }
}
