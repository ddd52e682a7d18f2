package org.modkern.exec.nativefmt;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * What a program's code does, as opposed to what it names ({@link DenyList}): native methods, a
 * finalizer, monitors, and call sites or constants linked by a bootstrap method of its own.
 */
final class CodeCheck {
    private CodeCheck() {}

    private static final String NATIVE = "native code runs outside the kernel, past every check";
    private static final String FINALIZER = "the JVM's finalizer thread would run it, outside the process"
            + " and after it has gone";
    private static final String MONITOR = "a process has one thread, so a monitor would only lock objects it shares"
            + " with other processes (string literals, classes), and a process waiting for one cannot be killed";
    private static final String BOOTSTRAP = "call sites and constants are linked only by the JDK's lambda,"
            + " string-concatenation, record and switch bootstraps";

    /** The bootstrap methods javac emits, as owner.name. */
    private static final Set<String> BOOTSTRAPS = Set.of(
            "java/lang/invoke/LambdaMetafactory.metafactory", "java/lang/invoke/LambdaMetafactory.altMetafactory",
            "java/lang/invoke/StringConcatFactory.makeConcatWithConstants",
            "java/lang/invoke/StringConcatFactory.makeConcat", "java/lang/runtime/ObjectMethods.bootstrap",
            "java/lang/runtime/SwitchBootstraps.typeSwitch", "java/lang/runtime/SwitchBootstraps.enumSwitch",
            "java/lang/invoke/ConstantBootstraps.nullConstant", "java/lang/invoke/ConstantBootstraps.primitiveClass",
            "java/lang/invoke/ConstantBootstraps.enumConstant");

    /** Every refusal of {@code cn}'s code, in method order. */
    static List<ProgramCheck.Refusal> refusals(ClassNode cn) {
        String c = cn.name.replace('/', '.');
        List<ProgramCheck.Refusal> l = new ArrayList<>();
        for (MethodNode m : cn.methods) {
            String method = m.name + m.desc;
            if ((m.access & Opcodes.ACC_NATIVE) != 0) {
                l.add(new ProgramCheck.Refusal(c, "native method " + method, NATIVE));
            }
            if ((m.access & Opcodes.ACC_SYNCHRONIZED) != 0) {
                l.add(new ProgramCheck.Refusal(c, "a synchronized method, " + method, MONITOR));
            }
            if (m.name.equals("finalize") && m.desc.equals("()V") && (m.access & Opcodes.ACC_STATIC) == 0) {
                l.add(new ProgramCheck.Refusal(c, "a finalizer, " + method, FINALIZER));
            }
            for (AbstractInsnNode n : m.instructions) {
                if (n.getOpcode() == Opcodes.MONITORENTER) {
                    l.add(new ProgramCheck.Refusal(c, "synchronized (monitorenter in " + method + ")", MONITOR));
                } else if (n instanceof InvokeDynamicInsnNode indy) {
                    bootstrap(c, indy.bsm, indy.bsmArgs, l);
                } else if (n instanceof LdcInsnNode ldc && ldc.cst instanceof ConstantDynamic cd) {
                    constant(c, cd, l);
                }
            }
        }
        return l;
    }

    private static void bootstrap(String c, Handle bsm, Object[] args, List<ProgramCheck.Refusal> l) {
        String name = bsm.getOwner() + "." + bsm.getName();
        if (!BOOTSTRAPS.contains(name)) {
            l.add(new ProgramCheck.Refusal(c, "the bootstrap method " + name.replace('/', '.'), BOOTSTRAP));
        }
        for (Object a : args) {
            if (a instanceof ConstantDynamic cd) {
                constant(c, cd, l);
            }
        }
    }

    private static void constant(String c, ConstantDynamic cd, List<ProgramCheck.Refusal> l) {
        Object[] args = new Object[cd.getBootstrapMethodArgumentCount()];
        for (int i = 0; i < args.length; i++) {
            args[i] = cd.getBootstrapMethodArgument(i);
        }
        bootstrap(c, cd.getBootstrapMethod(), args, l);
    }
}
