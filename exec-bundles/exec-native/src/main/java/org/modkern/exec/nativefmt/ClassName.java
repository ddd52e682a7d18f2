package org.modkern.exec.nativefmt;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;

/** Reads the name of the class a class file defines (its this_class entry). */
final class ClassName {
    private ClassName() {}

    /** The binary name ("a.b.C"), or null when the bytes are not a readable class file. */
    static String of(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            in.readInt();
            in.readUnsignedShort();
            in.readUnsignedShort();
            int count = in.readUnsignedShort();
            String[] utf8 = new String[count];
            int[] classIdx = new int[count];
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8[i] = in.readUTF();
                    case 7 -> classIdx[i] = in.readUnsignedShort();
                    case 8, 16, 19, 20 -> in.readUnsignedShort();
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.readInt();
                    case 15 -> {
                        in.readUnsignedByte();
                        in.readUnsignedShort();
                    }
                    case 5, 6 -> {
                        in.readLong();
                        i++;
                    }
                    default -> {
                        return null;
                    }
                }
            }
            in.readUnsignedShort();
            int thisClass = in.readUnsignedShort();
            String n = utf8[classIdx[thisClass]];
            return n == null ? null : n.replace('/', '.');
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
