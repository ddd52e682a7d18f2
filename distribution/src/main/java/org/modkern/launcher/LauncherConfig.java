package org.modkern.launcher;

import java.io.IOException;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.CodeSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The framework properties: etc/modkern.properties under the distribution directory, each overridden by a
 * system property of the same name, with {@code ${name}} expanded (from these properties, then system
 * properties). {@code modkern.home} is the distribution directory (the launcher jar's directory).
 * Properties not in the file still reach bundles: Felix's getProperty falls back to system properties.
 * {@link #properties} gives the same to whatever boots the distribution embedded (benchmarks, fuzzing).
 */
public final class LauncherConfig {
    static final String HOME = "modkern.home";
    static final String AWAIT = "modkern.launcher.await";
    static final String AWAIT_TIMEOUT = "modkern.launcher.await.timeout";
    static final String AWAIT_COMMANDS = "modkern.launcher.await.commands";
    static final String DEFAULT_AWAIT = "(objectClass=org.modkern.kern.Kernel)";
    static final String DEBUG = "modkern.debug";

    private static final Pattern VAR = Pattern.compile("\\$\\{([^${}]+)}");

    final Path home;
    private final Map<String, String> props;

    private LauncherConfig(Path home, Map<String, String> props) {
        this.home = home;
        this.props = props;
    }

    static LauncherConfig load() throws LaunchException {
        Path home = home();
        try {
            return new LauncherConfig(home, properties(home));
        } catch (IOException e) {
            throw new LaunchException("cannot read " + home.resolve("etc").resolve("modkern.properties") + ": "
                    + LaunchException.describe(e));
        }
    }

    /**
     * The framework properties of the distribution at {@code home}, as the launcher reads them:
     * etc/modkern.properties (if there is one), each overridden by a system property of the same name,
     * {@code modkern.home} set to {@code home}, and {@code ${name}} expanded.
     */
    public static Map<String, String> properties(Path home) throws IOException {
        Map<String, String> raw = new LinkedHashMap<>();
        Path file = home.resolve("etc").resolve("modkern.properties");
        if (Files.isRegularFile(file)) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            }
            for (String name : p.stringPropertyNames()) {
                raw.put(name, System.getProperty(name, p.getProperty(name)));
            }
        }
        raw.put(HOME, home.toString());
        Map<String, String> expanded = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : raw.entrySet()) {
            expanded.put(e.getKey(), expand(e.getValue(), raw, 0));
        }
        return expanded;
    }

    /** The value of {@code name}: system property, else etc/modkern.properties, else {@code def}. */
    String get(String name, String def) {
        String sys = System.getProperty(name);
        if (sys != null) {
            return expand(sys, props, 0);
        }
        return props.getOrDefault(name, def);
    }

    /** A copy of the properties read from the file (already overridden and expanded). */
    Map<String, String> asMap() {
        return new LinkedHashMap<>(props);
    }

    boolean debug() {
        return Boolean.parseBoolean(get(DEBUG, "false"));
    }

    private static Path home() throws LaunchException {
        String explicit = System.getProperty(HOME);
        if (explicit != null && !explicit.isBlank()) {
            return Paths.get(explicit).toAbsolutePath().normalize();
        }
        try {
            CodeSource source = LauncherConfig.class.getProtectionDomain().getCodeSource();
            Path location = Paths.get(source.getLocation().toURI()).toAbsolutePath().normalize();
            return Files.isDirectory(location) ? location : location.getParent();
        } catch (URISyntaxException | RuntimeException e) {
            throw new LaunchException("cannot locate the distribution directory; set -D" + HOME);
        }
    }

    private static String expand(String value, Map<String, String> props, int depth) {
        if (value == null || depth > 16 || value.indexOf("${") < 0) {
            return value;
        }
        Matcher m = VAR.matcher(value);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String v = System.getProperty(name, props.get(name));
            String replacement = v == null ? m.group() : expand(v, props, depth + 1);
            m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
