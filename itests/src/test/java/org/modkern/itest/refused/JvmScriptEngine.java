package org.modkern.itest.refused;

import javax.script.ScriptEngineManager;
import org.modkern.libc.Libc;

/** Runs a script engine, whose scripts the check never sees. The native format must refuse it before it runs (EscapeIT). */
public final class JvmScriptEngine {
    private JvmScriptEngine() {}

    public static int main(Libc sys, String[] argv) throws Exception {
        new ScriptEngineManager().getEngineByName("js").eval("java.lang.System.exit(5)");
        return 0;
    }
}
