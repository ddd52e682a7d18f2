package org.modkern.launcher;

import java.io.PrintStream;

import org.apache.felix.framework.Logger;

/**
 * Felix's log, sent to the saved stderr instead of stdout (where it would mix with command output).
 * One line per message; stack traces only with -Dmodkern.debug=true.
 */
final class ErrLogger extends Logger {
    private final PrintStream err;
    private final boolean debug;

    ErrLogger(PrintStream err, boolean debug) {
        this.err = err;
        this.debug = debug;
    }

    @Override
    protected void doLogOut(int level, String s, Throwable throwable) {
        String tag;
        switch (level) {
            case LOG_ERROR: tag = "ERROR"; break;
            case LOG_WARNING: tag = "WARNING"; break;
            case LOG_INFO: tag = "INFO"; break;
            default: tag = "DEBUG"; break;
        }
        err.println("modkern: felix " + tag + ": " + s);
        if (debug && throwable != null) {
            throwable.printStackTrace(err);
        }
    }
}
