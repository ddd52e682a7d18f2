package org.modkern.itest.refused;

import java.util.Locale;
import org.modkern.libc.Libc;

/** Changes the locale every process and the kernel format with. The native format must refuse it before it runs (EscapeIT). */
public final class JvmDefaultLocale {
    private JvmDefaultLocale() {}

    public static int main(Libc sys, String[] argv) throws Exception {
        Locale.setDefault(Locale.CHINA);
        return 0;
    }
}
