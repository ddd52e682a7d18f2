package org.modkern.exec.nativefmt;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a class file (JVMS chapter 4) names: the class it defines, its superclass and interfaces,
 * the fields and methods it declares ({@code name:descriptor}), every class it refers to (its
 * CONSTANT_Class entries and the classes in its descriptors) and every field and method it refers
 * to. Names are binary names ("java.io.File"); descriptors are left as written.
 */
record ClassFile(String name, String superName, List<String> interfaces, Set<String> declared,
        Set<String> classes, List<Member> members) {
    /** A Fieldref, Methodref or InterfaceMethodref. */
    record Member(String owner, String name, String descriptor) {
        @Override
        public String toString() {
            return owner + "." + name;
        }
    }

    private static final int UTF8 = 1, CLASS = 7, FIELDREF = 9, METHODREF = 10, IMETHODREF = 11,
            NAME_AND_TYPE = 12, METHOD_TYPE = 16;

    /** Reads {@code bytes}; IOException saying what is wrong when they are not a class file. */
    static ClassFile read(byte[] bytes) throws IOException {
        return new Reader(bytes).read();
    }

    private static final class Reader {
        private final DataInputStream in;
        private int[] tag;
        private int[] first;
        private int[] second;
        private String[] utf8;
        private final Set<String> classes = new LinkedHashSet<>();
        private final Set<String> declared = new HashSet<>();

        Reader(byte[] bytes) {
            in = new DataInputStream(new ByteArrayInputStream(bytes));
        }

        ClassFile read() throws IOException {
            if (in.readInt() != 0xCAFEBABE) {
                throw new IOException("no CAFEBABE magic");
            }
            in.readUnsignedShort(); // minor_version
            in.readUnsignedShort(); // major_version
            readPool(in.readUnsignedShort());
            in.readUnsignedShort(); // access_flags
            String name = binaryName(in.readUnsignedShort());
            int superClass = in.readUnsignedShort(); // 0 for java.lang.Object alone
            String superName = superClass == 0 ? null : binaryName(superClass);
            List<String> interfaces = new ArrayList<>();
            for (int i = in.readUnsignedShort(); i > 0; i--) {
                interfaces.add(binaryName(in.readUnsignedShort()));
            }
            readMembers(); // fields
            readMembers(); // methods
            return new ClassFile(name, superName, List.copyOf(interfaces), Collections.unmodifiableSet(declared),
                    Collections.unmodifiableSet(classes), memberRefs());
        }

        private void readPool(int count) throws IOException {
            tag = new int[count];
            first = new int[count];
            second = new int[count];
            utf8 = new String[count];
            for (int i = 1; i < count; i++) {
                int t = in.readUnsignedByte();
                tag[i] = t;
                switch (t) {
                    case UTF8 -> utf8[i] = in.readUTF();
                    case 3, 4 -> skip(4); // Integer, Float
                    case 5, 6 -> { // Long, Double take two entries
                        skip(8);
                        i++;
                    }
                    case CLASS, METHOD_TYPE -> first[i] = in.readUnsignedShort();
                    case 8, 19, 20 -> skip(2); // String, Module, Package
                    case FIELDREF, METHODREF, IMETHODREF, NAME_AND_TYPE -> {
                        first[i] = in.readUnsignedShort();
                        second[i] = in.readUnsignedShort();
                    }
                    case 15 -> skip(3); // MethodHandle: kind and a member ref of this pool
                    case 17, 18 -> skip(4); // Dynamic, InvokeDynamic: bootstrap and a NameAndType
                    default -> throw new IOException("unknown constant tag " + t + " at entry " + i);
                }
            }
            for (int i = 1; i < count; i++) {
                switch (tag[i]) {
                    case CLASS -> addClassEntry(utf8(first[i]));
                    case NAME_AND_TYPE -> addDescriptor(utf8(second[i]));
                    case METHOD_TYPE -> addDescriptor(utf8(first[i]));
                    default -> { }
                }
            }
        }

        /** field_info or method_info: the class's own members, whose descriptors name classes too. */
        private void readMembers() throws IOException {
            int count = in.readUnsignedShort();
            for (int i = 0; i < count; i++) {
                in.readUnsignedShort(); // access_flags
                String name = utf8(in.readUnsignedShort());
                String descriptor = utf8(in.readUnsignedShort());
                addDescriptor(descriptor);
                declared.add(name + ":" + descriptor);
                int attributes = in.readUnsignedShort();
                for (int a = 0; a < attributes; a++) {
                    in.readUnsignedShort();
                    skip(in.readInt());
                }
            }
        }

        private List<Member> memberRefs() throws IOException {
            List<Member> l = new ArrayList<>();
            for (int i = 1; i < tag.length; i++) {
                if (tag[i] == FIELDREF || tag[i] == METHODREF || tag[i] == IMETHODREF) {
                    int nat = entry(second[i], NAME_AND_TYPE);
                    l.add(new Member(binaryName(first[i]), utf8(first[nat]), utf8(second[nat])));
                }
            }
            return l;
        }

        /** A CONSTANT_Class's name is an internal name, or an array's descriptor. */
        private void addClassEntry(String name) throws IOException {
            if (name.startsWith("[")) {
                addDescriptor(name);
            } else {
                classes.add(name.replace('/', '.'));
            }
        }

        /** Adds the classes of a field or method descriptor: each {@code Lname;}. */
        private void addDescriptor(String d) throws IOException {
            for (int i = 0; i < d.length(); i++) {
                if (d.charAt(i) == 'L') {
                    int end = d.indexOf(';', i);
                    if (end < 0) {
                        throw new IOException("bad descriptor " + d);
                    }
                    classes.add(d.substring(i + 1, end).replace('/', '.'));
                    i = end;
                }
            }
        }

        private String binaryName(int index) throws IOException {
            return utf8(first[entry(index, CLASS)]).replace('/', '.');
        }

        private String utf8(int index) throws IOException {
            return utf8[entry(index, UTF8)];
        }

        private int entry(int index, int expected) throws IOException {
            if (index <= 0 || index >= tag.length || tag[index] != expected) {
                throw new IOException("constant " + index + " is not of tag " + expected);
            }
            return index;
        }

        private void skip(int n) throws IOException {
            if (n < 0 || in.skipBytes(n) != n) {
                throw new IOException("truncated");
            }
        }
    }
}
