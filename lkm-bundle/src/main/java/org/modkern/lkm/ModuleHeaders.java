package org.modkern.lkm;

/**
 * Manifest headers of a module bundle. {@code Modkern-Module} names the module (at most 31
 * characters, MAXLKMNAME 32); {@code Modkern-Module-Type} is one of {@link ModType}'s names in
 * lower case. The kernel already uses the name in its message buffer and fault reports.
 */
public final class ModuleHeaders {
    private ModuleHeaders() {}

    public static final String NAME = "Modkern-Module";
    public static final String TYPE = "Modkern-Module-Type";
    /** MAXLKMNAME - 1. */
    public static final int MAX_NAME = 31;
}
