package org.modkern.kern;

/**
 * One service of a module as the kernel wired it: the switch table ("sysent", "cdevsw",
 * "bdevsw", "vfs", "execsw", "emul"), the entry's name, and its place there (the system-call
 * slot, the major, the exec probe order; -1 where the table has no number).
 */
public record WiredService(String table, String name, int value) {}
