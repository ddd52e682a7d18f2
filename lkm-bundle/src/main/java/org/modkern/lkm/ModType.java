package org.modkern.lkm;

/** lkm(4)'s module types, with lkm.h's MODTYPE numbers and modstat's names. */
public enum ModType {
    SYSCALL(0), VFS(1), DEV(2), EXEC(4), EMUL(5), MISC(6);

    private final int lkmNumber;

    ModType(int lkmNumber) {
        this.lkmNumber = lkmNumber;
    }

    /** LM_SYSCALL 0 ... LM_MISC 6 (LM_COMPAT 5 is printed as COMPAT by modstat). */
    public int lkmNumber() {
        return lkmNumber;
    }

    /** The type named by a Modkern-Module-Type header ("syscall", "dev" ...), or null. */
    public static ModType ofHeader(String value) {
        if (value == null) {
            return null;
        }
        for (ModType t : values()) {
            if (t.name().equalsIgnoreCase(value.trim())) {
                return t;
            }
        }
        return null;
    }

    /** The name modstat prints in its Type column. */
    public String modstatName() {
        return this == EMUL ? "COMPAT" : name();
    }
}
