package org.modkern.launcher;

import java.net.URI;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * The non-interactive modes: one Gogo session on the saved streams runs the profile, then the script.
 * The result of the last command is printed as gosh prints it at the prompt; an exception becomes
 * {@code modkern: <message>} and status 1.
 */
final class ScriptRunner {
    private ScriptRunner() {
    }

    /**
     * @param script    the program text
     * @param scriptUri $0 (the script file), or null
     * @param args      $args / $1.. , or null to leave them unset (-c)
     */
    static int run(FrameworkRunner runner, LauncherConfig config, StdStreams std,
                   String script, URI scriptUri, List<String> args) throws LaunchException {
        BundleContext ctx = runner.context();
        Object processor = ScriptSession.processor(ctx);
        Bundle gogoJline = runner.bundle(FrameworkRunner.GOGO_JLINE);
        if (gogoJline != null) {
            GogoBuiltins.register(ctx, gogoJline, processor);
        }
        try (ScriptSession session = ScriptSession.open(processor, std)) {
            Path goshHome = Paths.get(config.get("gosh.home", config.home.toString()));
            Path profile = goshHome.resolve("etc").resolve("gosh_profile");
            try {
                // the session variables gosh --login sets before it reads the profile
                session.put(".processor", processor);
                session.put(".session", session.raw());
                session.source(profile);
                // the profile's exit stops the system; here it ends the script with a status
                session.put("exit", ScriptExit.function(processor.getClass().getClassLoader()));
            } catch (Exception e) {
                throw new LaunchException(profile + ": " + LaunchException.describe(e));
            }
            Object result;
            try {
                // Host paths a script can build on: the distribution, and the script's own folder.
                session.put("MODKERN_HOME", config.home.toString());
                if (scriptUri != null) {
                    session.put("0", scriptUri);
                    if ("file".equals(scriptUri.getScheme())) {
                        session.put("SCRIPT_DIR", Paths.get(scriptUri).toAbsolutePath().getParent().toString());
                    }
                }
                if (args != null) {
                    session.put("args", new ArrayList<>(args));
                    for (int i = 0; i < args.size(); i++) {
                        session.put(String.valueOf(i + 1), args.get(i));
                    }
                }
                result = session.execute(script);
            } catch (Exception e) {
                ScriptExit exit = ScriptExit.find(e);
                if (exit != null) {
                    std.out.flush();
                    return exit.status();
                }
                throw new LaunchException(LaunchException.describe(e));
            }
            try {
                CharSequence text = session.formatResult(result);
                if (text != null) {
                    std.out.println(text);
                }
            } catch (Exception e) {
                std.out.println(result);
            }
            std.out.flush();
            return 0;
        }
    }
}
