package org.modkern.bench;

/**
 * The JVM options of {@code ./modkern} that change what is measured, for every fork: the serial
 * collector and a young generation of 24 MiB (boot's garbage otherwise touches eden pages that stay
 * resident; see docs/PERFORMANCE.md, B6b). Keep in step with the launcher's {@code opts}.
 */
final class LauncherJvm {
    private LauncherJvm() {}

    static final String GC = "-XX:+UseSerialGC";
    static final String YOUNG = "-Xmn24m";
}
