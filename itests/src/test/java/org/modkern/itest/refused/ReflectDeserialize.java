package org.modkern.itest.refused;

import java.io.ByteArrayInputStream;
import java.io.ObjectInputStream;
import org.modkern.libc.Libc;

/** Deserialises objects of classes named in the stream. The native format must refuse it before it runs (EscapeIT). */
public final class ReflectDeserialize {
    private ReflectDeserialize() {}

    public static int main(Libc sys, String[] argv) throws Exception {
        return new ObjectInputStream(new ByteArrayInputStream(new byte[] {(byte) 0xac, (byte) 0xed, 0, 5})).readObject().hashCode();
    }
}
