package org.modkern.exec.nativefmt;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Rewrites a checked program's classes so that a signal stops the program even when it makes no
 * system call, and a recursion overflows its own stack limit before the JVM's:
 * <ul>
 * <li>before every backward branch (so in every loop) {@link ProgramCounters#loop}: a tick of the
 *     countdown to the next {@link SignalCheck#poll} (before a backward {@code goto}, a countdown
 *     of the method's own written out in place, see {@link #tick});
 * <li>at the entry of every method that calls another (so in every recursion) {@link
 *     ProgramCounters#enter}: the method's frame weighed out of the stack limit, and a tick; what
 *     was left before goes into a new local, and back into {@link ProgramCounters#left} before
 *     each return;
 * <li>at the entry of every exception handler {@link SignalCheck#caught}, so that no handler keeps
 *     the program alive past a kill, then {@code left} as it is with this method's frame (frames a
 *     throw unwound above it count no more).
 * </ul>
 * The calls are small enough for the JIT to inline, and they add only a few bytes to a method
 * (a short method stays short enough to be inlined itself). Nothing the program keeps in a local or
 * on the stack changes, and the only branch added goes to a backward goto's own target: the stack
 * map frames only gain the new locals.
 */
final class Preemption {
    private Preemption() {}

    private static final String HOOK = SignalCheck.NAME.replace('.', '/');
    private static final String COUNTERS = ProgramCounters.class.getName().replace('.', '/');

    /** Reads a class file whole (code, and frames expanded for adding a local) for {@link CodeCheck} and {@link #rewrite}. */
    static ClassNode read(byte[] bytes) {
        ClassNode n = new ClassNode();
        new ClassReader(bytes).accept(n, ClassReader.EXPAND_FRAMES);
        return n;
    }

    /**
     * What a method's frame is taken to weigh: its locals and operand stack in 8-byte slots and an
     * interpreter frame's fixed part. A compiled frame weighs less.
     */
    static int frameBytes(MethodNode m) {
        return 8 * (m.maxLocals + m.maxStack) + 96;
    }

    /** The program's classes rewritten, by binary name; ENOEXEC when a method grows too large. */
    static Map<String, byte[]> rewrite(String path, Map<String, ClassNode> classes) throws ErrnoException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (Map.Entry<String, ClassNode> e : classes.entrySet()) {
            ClassNode n = e.getValue();
            n.methods.forEach(Preemption::insertChecks);
            ClassWriter w = new ClassWriter(ClassWriter.COMPUTE_MAXS);
            try {
                n.accept(w);
            } catch (MethodTooLargeException x) {
                throw new ErrnoException(Errno.ENOEXEC, path + ": class " + e.getKey() + " method "
                        + x.getMethodName() + " is too large once its signal checks are added");
            }
            out.put(e.getKey(), w.toByteArray());
        }
        return out;
    }

    static void insertChecks(MethodNode m) {
        InsnList code = m.instructions;
        if (code.size() == 0) {
            return; // abstract
        }
        Map<LabelNode, Integer> position = new HashMap<>();
        int i = 0;
        for (AbstractInsnNode n : code) {
            if (n instanceof LabelNode l) {
                position.put(l, i);
            }
            i++;
        }
        List<AbstractInsnNode> backward = new ArrayList<>();
        boolean calls = false;
        i = 0;
        for (AbstractInsnNode n : code) {
            if (n instanceof JumpInsnNode j) {
                if (position.get(j.label) <= i) {
                    backward.add(n);
                }
            } else if (n instanceof TableSwitchInsnNode t) {
                if (anyBefore(position, i, t.dflt, t.labels)) {
                    backward.add(n);
                }
            } else if (n instanceof LookupSwitchInsnNode t) {
                if (anyBefore(position, i, t.dflt, t.labels)) {
                    backward.add(n);
                }
            } else if (n.getOpcode() == Opcodes.RET) {
                backward.add(n); // returns from an old-style subroutine, to wherever it was called from
            } else if (n.getType() == AbstractInsnNode.METHOD_INSN
                    || n.getType() == AbstractInsnNode.INVOKE_DYNAMIC_INSN) {
                calls = true;
            }
            i++;
        }
        int depthLocal = m.maxLocals; // a new local after the program's own, when the method calls others
        int tickLocal = -1; // and one for the turns of its loops, when it has a backward goto
        for (AbstractInsnNode n : backward) {
            if (n.getOpcode() == Opcodes.GOTO) {
                if (tickLocal < 0) {
                    tickLocal = m.maxLocals + (calls ? 1 : 0);
                }
                code.insertBefore(n, tick(tickLocal, ((JumpInsnNode) n).label));
            } else {
                code.insertBefore(n, new MethodInsnNode(Opcodes.INVOKESTATIC, COUNTERS, "loop", "()V", false));
            }
        }
        int frame = frameBytes(m);
        Set<LabelNode> handlers = new LinkedHashSet<>();
        for (TryCatchBlockNode t : m.tryCatchBlocks) {
            handlers.add(t.handler);
        }
        List<LabelNode[]> checks = new ArrayList<>();
        for (LabelNode h : handlers) {
            // After the handler's label, line number and frame: the frame holds at the label's offset.
            AbstractInsnNode first = h;
            while (first.getOpcode() < 0) {
                first = first.getNext();
            }
            LabelNode from = new LabelNode();
            LabelNode to = new LabelNode();
            InsnList check = new InsnList();
            check.add(from);
            check.add(new InsnNode(Opcodes.DUP));
            check.add(new MethodInsnNode(Opcodes.INVOKESTATIC, HOOK, "caught", "(Ljava/lang/Throwable;)V", false));
            if (calls) {
                check.add(new VarInsnNode(Opcodes.ILOAD, depthLocal));
                check.add(weight(frame));
                check.add(new InsnNode(Opcodes.ISUB));
                check.add(putLeft());
            }
            check.add(to);
            code.insertBefore(first, check);
            checks.add(new LabelNode[] {from, to});
        }
        if (!checks.isEmpty()) {
            uncover(m, checks);
        }
        if (calls) {
            countDepth(m, depthLocal, frame);
        }
        if (tickLocal >= 0) {
            // Set before anything else, so the local is an int in every frame (added after depthLocal's).
            for (AbstractInsnNode n : code) {
                if (n instanceof FrameNode f) {
                    f.local = withInt(f.local, tickLocal);
                }
            }
            InsnList entry = new InsnList();
            entry.add(new IntInsnNode(Opcodes.BIPUSH, ProgramCounters.TICKS));
            entry.add(new VarInsnNode(Opcodes.ISTORE, tickLocal));
            code.insert(entry);
        }
    }

    /**
     * Takes the handler checks out of every try range: what a check rethrows must go on up, not to a
     * handler of this method (javac's finally handler covers its own first instruction, so the check
     * would catch its own rethrow for ever). A range split around a check becomes two, in its place.
     */
    private static void uncover(MethodNode m, List<LabelNode[]> checks) {
        Map<LabelNode, Integer> position = new HashMap<>();
        Map<LabelNode, Integer> realBefore = new HashMap<>(); // instructions before the label
        int i = 0;
        int real = 0;
        for (AbstractInsnNode n : m.instructions) {
            if (n instanceof LabelNode l) {
                position.put(l, i);
                realBefore.put(l, real);
            } else if (n.getOpcode() >= 0) {
                real++;
            }
            i++;
        }
        List<TryCatchBlockNode> ranges = new ArrayList<>(m.tryCatchBlocks);
        for (LabelNode[] c : checks) {
            List<TryCatchBlockNode> next = new ArrayList<>();
            for (TryCatchBlockNode t : ranges) {
                if (position.get(t.start) <= position.get(c[0]) && position.get(c[1]) <= position.get(t.end)) {
                    addIfNotEmpty(next, realBefore, new TryCatchBlockNode(t.start, c[0], t.handler, t.type));
                    addIfNotEmpty(next, realBefore, new TryCatchBlockNode(c[1], t.end, t.handler, t.type));
                } else {
                    next.add(t);
                }
            }
            ranges = next;
        }
        m.tryCatchBlocks = ranges;
    }

    private static void addIfNotEmpty(List<TryCatchBlockNode> l, Map<LabelNode, Integer> realBefore,
            TryCatchBlockNode t) {
        if (realBefore.get(t.start) < realBefore.get(t.end)) {
            l.add(t);
        }
    }

    /** The stack limit counted at the entry into {@code local}, and set back before each return. */
    private static void countDepth(MethodNode m, int local, int frame) {
        InsnList code = m.instructions;
        List<AbstractInsnNode> returns = new ArrayList<>();
        for (AbstractInsnNode n : code) {
            if (n.getOpcode() >= Opcodes.IRETURN && n.getOpcode() <= Opcodes.RETURN) {
                returns.add(n);
            } else if (n instanceof FrameNode f) {
                f.local = withInt(f.local, local);
            }
        }
        for (AbstractInsnNode r : returns) {
            InsnList back = new InsnList();
            back.add(new VarInsnNode(Opcodes.ILOAD, local));
            back.add(putLeft());
            code.insertBefore(r, back);
        }
        InsnList entry = new InsnList();
        entry.add(weight(frame));
        entry.add(new MethodInsnNode(Opcodes.INVOKESTATIC, COUNTERS, "enter", "(I)I", false));
        entry.add(new VarInsnNode(Opcodes.ISTORE, local));
        code.insert(entry);
    }

    /**
     * The tick of a loop written out before a backward {@code goto L} (the end of every loop javac
     * compiles), counted in a local of the method's own: {@code if (--k < 0) { k = TICKS; due(); }}
     * then the goto. A program's classes are its own, so its loops run interpreted in every process
     * until the JIT compiles them there; a call per turn, or a static field's update, costs the
     * interpreter several times an {@code iinc}. The one branch added goes where the goto goes, with
     * the goto's stack and locals, so L's frame holds. A loop that never ends turns in one frame, so
     * its own count reaches every signal as the process-wide one did.
     */
    private static InsnList tick(int local, LabelNode target) {
        InsnList t = new InsnList();
        t.add(new IincInsnNode(local, -1));
        t.add(new VarInsnNode(Opcodes.ILOAD, local));
        t.add(new JumpInsnNode(Opcodes.IFGE, target));
        t.add(new IntInsnNode(Opcodes.BIPUSH, ProgramCounters.TICKS));
        t.add(new VarInsnNode(Opcodes.ISTORE, local));
        t.add(new MethodInsnNode(Opcodes.INVOKESTATIC, COUNTERS, "due", "()V", false));
        return t;
    }

    private static AbstractInsnNode weight(int frame) {
        return frame <= Short.MAX_VALUE ? new IntInsnNode(Opcodes.SIPUSH, frame) : new LdcInsnNode(frame);
    }

    /** An expanded frame's locals with an int at slot {@code local}, after TOPs for any slot between. */
    private static List<Object> withInt(List<Object> locals, int local) {
        List<Object> l = new ArrayList<>(locals == null ? List.of() : locals);
        int slots = 0;
        for (Object o : l) {
            slots += o == Opcodes.LONG || o == Opcodes.DOUBLE ? 2 : 1;
        }
        while (slots++ < local) {
            l.add(Opcodes.TOP);
        }
        l.add(Opcodes.INTEGER);
        return l;
    }

    private static boolean anyBefore(Map<LabelNode, Integer> position, int i, LabelNode dflt, List<LabelNode> labels) {
        if (position.get(dflt) <= i) {
            return true;
        }
        for (LabelNode l : labels) {
            if (position.get(l) <= i) {
                return true;
            }
        }
        return false;
    }

    private static FieldInsnNode putLeft() {
        return new FieldInsnNode(Opcodes.PUTSTATIC, COUNTERS, "left", "I");
    }
}
