package org.modkern.itest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.modkern.kern.ProcInfo;
import org.modkern.kern.Sysent;
import org.modkern.kern.WiredService;
import org.modkern.lkm.ModuleList;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

/**
 * Everything the LKM facility and the kernel hold that loading or unloading a module touches, read
 * through their public services and the operator's view: the module table (every modstat field),
 * the framework's bundles and services, each emulation's sysent (name, owner, depth of every
 * slot), the kernel's wiring log (every cdevsw, bdevsw, vfs, execsw, emul and sysent entry it
 * wired, by bundle, and what it refused), mounts, the nodes in /dev, processes, the facility's
 * own threads, a few sysctl values, and the id the next load would get (LMRESERV through
 * /dev/lkm). Two states compare field by field: {@link #differences} names each field that
 * differs.
 */
final class SystemState {
    /** Section, then row key, then field name and value. */
    private final Map<String, Map<String, Map<String, String>>> sections = new LinkedHashMap<>();

    private SystemState() {}

    /**
     * Takes the state. {@code alsoBundles}: bundles that may be gone from the framework (those a
     * failed load installed), whose wiring the kernel must have forgotten as well.
     */
    static SystemState take(KernelTestSupport t, Collection<Bundle> alsoBundles) throws Exception {
        SystemState s = new SystemState();
        s.modules(t);
        Set<Bundle> bundles = new LinkedHashSet<>(List.of(t.context.getBundles()));
        bundles.addAll(alsoBundles);
        for (Bundle b : t.context.getBundles()) {
            s.row("bundle", Long.toString(b.getBundleId()), "bsn", b.getSymbolicName(), "version",
                    String.valueOf(b.getVersion()), "state", state(b), "location", b.getLocation());
        }
        s.services(t);
        for (String emul : emulations(t, bundles)) {
            Sysent table = t.kernel.sysent(emul);
            for (int i = 0; table != null && i < table.size(); i++) {
                s.row("sysent " + emul, Integer.toString(i), "name", table.name(i), "owner", table.owner(i), "depth",
                        Integer.toString(table.depth(i)));
            }
        }
        for (Bundle b : bundles) {
            int i = 0;
            for (WiredService w : t.kernel.wired(b)) {
                s.row("wired", "bundle " + b.getBundleId() + " #" + i++, "table", w.table(), "name", w.name(),
                        "value", Integer.toString(w.value()));
            }
            i = 0;
            for (String why : t.kernel.refusals(b)) {
                s.row("refused", "bundle " + b.getBundleId() + " #" + i++, "why", why);
            }
        }
        int i = 0;
        for (String line : t.gogo("kern:mount").split("\n")) {
            s.row("mount", Integer.toString(i++), "line", line);
        }
        for (ProcInfo p : t.kernel.processes()) {
            s.row("process", Integer.toString(p.pid()), "ppid", Integer.toString(p.ppid()), "comm", p.comm(),
                    "state", String.valueOf(p.state()), "uid", Integer.toString(p.uid()));
        }
        s.devices(t);
        Map<String, Integer> threads = new TreeMap<>();
        for (Thread th : Thread.getAllStackTraces().keySet()) {
            if (th.isAlive() && th.getName().matches("lkm-(start|stop|reap) .*")) {
                threads.merge(th.getName(), 1, Integer::sum);
            }
        }
        threads.forEach((name, n) -> s.row("thread", name, "count", Integer.toString(n)));
        for (String name : List.of("kern.securelevel", "kern.hostname", "kern.maxproc", "kern.maxfiles")) {
            s.row("sysctl", name, "value", t.kernel.sysctl(name));
        }
        String reserved = t.gogo("kern:run /usr/tests/lkmreserve snapshot.probe").trim();
        s.row("lkm", "next id", "LMRESERV", reserved.replace("reserved slot ", ""));
        return s;
    }

    private static String state(Bundle b) {
        return switch (b.getState()) {
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.ACTIVE -> "ACTIVE";
            default -> "UNINSTALLED";
        };
    }

    private static final Pattern MODSTAT = Pattern.compile(
            "(\\S+)\\s+(\\d+)\\s+(-?\\d+)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+(\\d+)\\s+(\\S+)");

    private void modules(KernelTestSupport t) {
        ServiceReference<ModuleList> ref = t.context.getServiceReference(ModuleList.class);
        String table = t.context.getService(ref).table();
        t.context.ungetService(ref);
        String[] lines = table.split("\n");
        for (int i = 1; i < lines.length; i++) {
            Matcher m = MODSTAT.matcher(lines[i].trim());
            if (!m.matches()) {
                throw new AssertionError("modstat line " + i + " does not parse: " + lines[i]);
            }
            row("module", m.group(2), "type", m.group(1), "off", m.group(3), "loadaddr", m.group(4), "size",
                    m.group(5), "info", m.group(6), "rev", m.group(7), "name", m.group(8));
        }
    }

    private void services(KernelTestSupport t) throws Exception {
        ServiceReference<?>[] refs = t.context.getAllServiceReferences(null, null);
        for (ServiceReference<?> r : refs == null ? new ServiceReference<?>[0] : refs) {
            row("service", String.valueOf(r.getProperty(Constants.SERVICE_ID)), "bundle",
                    Long.toString(r.getBundle() == null ? -1 : r.getBundle().getBundleId()), "objectClass",
                    String.join(",", (String[]) r.getProperty(Constants.OBJECTCLASS)));
        }
    }

    /** "netbsd" and every emulation a bundle has wired. */
    private static Set<String> emulations(KernelTestSupport t, Collection<Bundle> bundles) {
        Set<String> out = new LinkedHashSet<>(List.of("netbsd"));
        for (Bundle b : bundles) {
            t.kernel.wired(b).stream().filter(w -> w.table().equals("emul")).forEach(w -> out.add(w.name()));
        }
        return out;
    }

    private static final Pattern LS = Pattern.compile(
            "([-a-z]{10})\\s+\\d+\\s+\\S+\\s+\\S+\\s+(\\d+,\\s*\\d+|\\d+)\\s.*\\s(\\S+)");

    /** The nodes in /dev as the system sees them (ls -l inside): type and mode, owner's numbers, name. */
    private void devices(KernelTestSupport t) throws Exception {
        for (String line : t.gogo("kern:run /bin/ls -l /dev").split("\n")) {
            Matcher m = LS.matcher(line.trim());
            if (m.matches()) {
                row("/dev", m.group(3), "mode", m.group(1), "rdev", m.group(2).replaceAll("\\s", ""));
            }
        }
    }

    private void row(String section, String key, String... fields) {
        Map<String, String> f = new LinkedHashMap<>();
        for (int i = 0; i + 1 < fields.length; i += 2) {
            f.put(fields[i], fields[i + 1]);
        }
        sections.computeIfAbsent(section, k -> new LinkedHashMap<>()).put(key, f);
    }

    /** Each field that differs from {@code after}, as "section key: field was -> now"; empty when equal. */
    List<String> differences(SystemState after) {
        List<String> out = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>(sections.keySet());
        names.addAll(after.sections.keySet());
        for (String section : names) {
            Map<String, Map<String, String>> a = sections.getOrDefault(section, Map.of());
            Map<String, Map<String, String>> b = after.sections.getOrDefault(section, Map.of());
            Set<String> keys = new LinkedHashSet<>(a.keySet());
            keys.addAll(b.keySet());
            for (String key : keys) {
                Map<String, String> fa = a.get(key);
                Map<String, String> fb = b.get(key);
                if (fa == null) {
                    out.add(section + " " + key + ": added " + fb);
                } else if (fb == null) {
                    out.add(section + " " + key + ": gone, was " + fa);
                } else {
                    for (String field : fa.keySet()) {
                        if (!fa.get(field).equals(fb.get(field))) {
                            out.add(section + " " + key + ": " + field + " " + fa.get(field) + " -> " + fb.get(field));
                        }
                    }
                }
            }
        }
        return out;
    }

    /**
     * Asserts that the system returns to {@code before}, field by field, within 20 s (some of the
     * framework's teardown, SCR's and the kernel's bundle events, is asynchronous: on a quiet
     * machine it is equal at the first comparison or within a few hundred ms, but a busy CI machine
     * may starve those threads); prints a line with the figures. {@code gone}: bundles the attempt installed, whose wiring must be
     * forgotten too.
     */
    static void assertReturnsTo(KernelTestSupport t, SystemState before, Collection<Bundle> gone, String what)
            throws Exception {
        long t0 = System.nanoTime();
        List<String> diffs;
        for (int n = 1; true; n++) {
            SystemState after = take(t, gone);
            diffs = before.differences(after);
            if (diffs.isEmpty()) {
                System.out.println("state [" + what + "]: " + after.rows() + " rows, " + after.fields()
                        + " fields equal at comparison " + n + ", " + (System.nanoTime() - t0) / 1_000_000 + " ms");
                return;
            }
            if (System.nanoTime() - t0 > 20_000_000_000L) {
                break;
            }
            Thread.sleep(50);
        }
        throw new AssertionError(what + ": the state differs from before:\n  " + String.join("\n  ", diffs));
    }

    /** How many rows the state has: a figure for the report. */
    int rows() {
        return sections.values().stream().mapToInt(Map::size).sum();
    }

    /** How many field values the state has. */
    int fields() {
        return sections.values().stream().flatMap(m -> m.values().stream()).mapToInt(Map::size).sum();
    }
}
