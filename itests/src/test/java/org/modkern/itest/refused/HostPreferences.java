package org.modkern.itest.refused;

import java.util.prefs.Preferences;
import org.modkern.libc.Libc;

/** Stores a preference in the host user's files. The native format must refuse it before it runs (EscapeIT). */
public final class HostPreferences {
    private HostPreferences() {}

    public static int main(Libc sys, String[] argv) throws Exception {
        Preferences.userRoot().put("modkern.escaped", "HostPreferences");
        Preferences.userRoot().flush();
        return 0;
    }
}
