package org.modkern.itest.refused;

import java.lang.reflect.Field;
import org.modkern.libc.Libc;

/** Takes sun.misc.Unsafe by reflection, to write anywhere. The native format must refuse it before it runs (EscapeIT). */
public final class JvmUnsafe {
    private JvmUnsafe() {}

    public static int main(Libc sys, String[] argv) throws Exception {
        Field f = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
        f.setAccessible(true);
        sun.misc.Unsafe u = (sun.misc.Unsafe) f.get(null);
        return u.addressSize();
    }
}
