package org.modkern.kernel.internal;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The kernel configuration, read from framework properties (which fall back to system properties):
 * {@code modkern.bootset}, {@code modkern.root.image} (directories, comma-separated, copied in
 * order so a later one adds to or overrides an earlier one), {@code modkern.rootfs},
 * {@code modkern.securelevel}, {@code modkern.hostname}, {@code modkern.boot.timeout},
 * {@code modkern.init} (the program started as pid 1, default /sbin/init; "none" for no init).
 */
public record KernelConfig(Set<String> bootSet, List<String> rootImages, String rootfs, int securelevel,
        String hostname, long bootTimeoutMillis, String release, String init) {

    public static KernelConfig from(Function<String, String> props, String release) {
        Set<String> boot = new LinkedHashSet<>();
        String bs = props.apply("modkern.bootset");
        if (bs != null) {
            Arrays.stream(bs.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(boot::add);
        }
        return new KernelConfig(boot, list(props.apply("modkern.root.image")),
                or(props.apply("modkern.rootfs"), "tmpfs"),
                Integer.parseInt(or(props.apply("modkern.securelevel"), "0")),
                or(props.apply("modkern.hostname"), "modkern.local"),
                Long.parseLong(or(props.apply("modkern.boot.timeout"), "30000")),
                release, initProgram(props.apply("modkern.init")));
    }

    private static String initProgram(String v) {
        String p = or(v, "/sbin/init");
        return p.equals("none") ? null : p;
    }

    private static List<String> list(String v) {
        return v == null ? List.of() : Arrays.stream(v.split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).toList();
    }

    private static String or(String v, String dflt) {
        return v == null || v.isBlank() ? dflt : v.trim();
    }
}
