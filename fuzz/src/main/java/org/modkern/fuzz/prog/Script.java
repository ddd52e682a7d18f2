package org.modkern.fuzz.prog;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A fuzz script: who the process becomes, where it works, and the raw system calls it makes. The test
 * writes it, {@link FuzzCalls} reads it from its standard input. Little-endian:
 *
 * <pre>
 * "FZC1"  i32 uid  i32 gid (-1: stay root)  u16 cwd length, cwd  u8 flags (1: trace)  u16 calls
 * call:   i32 slot  u16 repeat  u8 span  u8 segments  { u8 index  i32 length  i32 data length  data }  6 x arg
 * arg:    u8 kind  i64 value      RAW: the word itself; PTR: byte (value) of segment (seg);
 *         u8 seg                  FD: the (value mod n)-th descriptor the process has been given so far
 * </pre>
 *
 * A segment is a fresh array of {@code length} bytes lent to the kernel for that call, starting
 * with {@code data} (the rest zero); a PTR's offset may lie outside it, as a bad pointer does.
 * After a call with {@code repeat} n > 1, the last {@code span} calls (this one included) are made
 * n - 1 more times: mkdir and chdir 200 times over make a deep tree, dup 130 times fills the
 * descriptor table.
 */
public record Script(int uid, int gid, String cwd, int flags, List<Call> calls) {
    public static final int TRACE = 1;
    public static final int RAW = 0, PTR = 1, FD = 2;
    /** The most bytes one segment may have. */
    public static final int SEGMENT_MAX = 1 << 16;
    private static final int MAGIC = 0x31435a46; // "FZC1"

    /** One argument word: a raw value, a pointer into a segment, or a descriptor the process holds. */
    public record Arg(int kind, long value, int seg) {
        public static Arg raw(long v) {
            return new Arg(RAW, v, 0);
        }

        public static Arg ptr(int seg, long offset) {
            return new Arg(PTR, offset, seg);
        }

        public static Arg fd(int pick) {
            return new Arg(FD, pick, 0);
        }

        @Override
        public String toString() {
            return switch (kind) {
                case PTR -> "seg" + seg + (value == 0 ? "" : "+" + value);
                case FD -> "fd#" + value;
                default -> Long.toString(value);
            };
        }
    }

    /** Memory lent for one call: segment {@code index}, {@code length} bytes beginning with {@code data}. */
    public record Segment(int index, int length, byte[] data) {
        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("seg" + index + "[" + length + "]");
            if (data.length > 0) {
                sb.append('=').append(printable(data, 48));
            }
            return sb.toString();
        }
    }

    /** One system call: its slot, the memory lent for it, its six argument words, and how often its span repeats. */
    public record Call(int slot, List<Segment> segments, List<Arg> args, int repeat, int span) {
        public Call(int slot, List<Segment> segments, List<Arg> args) {
            this(slot, segments, args, 1, 1);
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder().append(slot).append('(');
            for (int i = 0; i < args.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(args.get(i));
            }
            return sb.append(')') + (segments.isEmpty() ? "" : " " + segments)
                    + (repeat > 1 ? " and the last " + span + " call(s) " + repeat + " times" : "");
        }
    }

    public byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(MAGIC).putInt(uid).putInt(gid);
        out.write(b.array(), 0, b.position());
        byte[] dir = cwd.getBytes(StandardCharsets.UTF_8);
        put(out, 2, dir.length);
        out.write(dir, 0, dir.length);
        put(out, 1, flags);
        put(out, 2, calls.size());
        for (Call c : calls) {
            put(out, 4, c.slot());
            put(out, 2, c.repeat());
            put(out, 1, c.span());
            put(out, 1, c.segments().size());
            for (Segment s : c.segments()) {
                put(out, 1, s.index());
                put(out, 4, s.length());
                put(out, 4, s.data().length);
                out.write(s.data(), 0, s.data().length);
            }
            for (Arg a : c.args()) {
                put(out, 1, a.kind());
                put(out, 8, a.value());
                put(out, 1, a.seg());
            }
        }
        return out.toByteArray();
    }

    private static void put(ByteArrayOutputStream out, int size, long v) {
        for (int i = 0; i < size; i++) {
            out.write((int) (v >>> (8 * i)));
        }
    }

    /** Reads a script; IllegalArgumentException when it is not one. */
    public static Script decode(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        try {
            if (b.getInt() != MAGIC) {
                throw new IllegalArgumentException("not a fuzz script (no FZC1 magic)");
            }
            int uid = b.getInt();
            int gid = b.getInt();
            byte[] dir = new byte[b.getShort() & 0xffff];
            b.get(dir);
            int flags = b.get() & 0xff;
            int n = b.getShort() & 0xffff;
            List<Call> calls = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int slot = b.getInt();
                int repeat = b.getShort() & 0xffff;
                int span = b.get() & 0xff;
                int nseg = b.get() & 0xff;
                List<Segment> segs = new ArrayList<>(nseg);
                for (int j = 0; j < nseg; j++) {
                    int index = b.get() & 0xff;
                    int length = b.getInt();
                    byte[] data = new byte[b.getInt()];
                    b.get(data);
                    if (length < data.length || length > SEGMENT_MAX) {
                        throw new IllegalArgumentException("call " + i + ": segment of " + length + " bytes");
                    }
                    segs.add(new Segment(index, length, data));
                }
                List<Arg> args = new ArrayList<>(6);
                for (int j = 0; j < 6; j++) {
                    int kind = b.get() & 0xff;
                    long value = b.getLong();
                    args.add(new Arg(kind, value, b.get() & 0xff));
                }
                calls.add(new Call(slot, segs, args, repeat, span));
            }
            return new Script(uid, gid, new String(dir, StandardCharsets.UTF_8), flags, calls);
        } catch (java.nio.BufferUnderflowException | NegativeArraySizeException e) {
            throw new IllegalArgumentException("a truncated fuzz script");
        }
    }

    /** Bytes as text: printable ASCII as is, the rest as \xNN; cut after {@code max} bytes. */
    public static String printable(byte[] data, int max) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < data.length && i < max; i++) {
            int c = data[i] & 0xff;
            if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
                sb.append((char) c);
            } else {
                sb.append(String.format("\\x%02x", c));
            }
        }
        sb.append(data.length > max ? "\"..." + data.length : "\"");
        return sb.toString();
    }
}
