package org.modkern.kernel.internal;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.modkern.kern.WiredService;
import org.modkern.kernel.internal.proc.WaitStatus;
import org.modkern.kernel.internal.shell.OperatorRun;
import org.modkern.kernel.internal.vfs.Mount;
import org.modkern.kernel.internal.wiring.Admission;
import org.osgi.framework.Bundle;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Kernel;
import org.modkern.kern.Sysent;
import org.modkern.kernel.internal.exec.EmulSwitch;
import org.modkern.kernel.internal.exec.ExecSwitch;
import org.modkern.kernel.internal.exec.Spawner;
import org.modkern.kernel.internal.proc.ProcImpl;
import org.modkern.kernel.internal.proc.ProcSnapshot;
import org.modkern.kernel.internal.vfs.KernelOpenFile;
import org.modkern.kernel.internal.proc.ProcessTable;
import org.modkern.kernel.internal.specfs.DevSwitch;
import org.modkern.kernel.internal.sys.SysMount;
import org.modkern.kernel.internal.sys.SysPath;
import org.modkern.kernel.internal.sys.SysctlCall;
import org.modkern.kernel.internal.sys.SysProc;
import org.modkern.kernel.internal.sysent.NativeSysent;
import org.modkern.kernel.internal.vfs.MountTable;
import org.modkern.kernel.internal.vfs.Mounter;
import org.modkern.kernel.internal.vfs.Namei;
import org.modkern.kernel.internal.vfs.VfsCalls;
import org.modkern.kernel.internal.vfs.VfsSwitch;

/**
 * The kernel's parts, made once and wired to each other: message buffer, switch tables, mount
 * table, process table and sysctl. Nothing here runs by itself; {@link Boot} brings it up.
 */
public final class KernelImpl implements Kernel {
    public static final String OSTYPE = "modkern";

    public final KernelConfig config;
    public final MsgBuf msgbuf = new MsgBuf();
    public final Faults faults = new Faults(msgbuf);
    public final MountTable mounts = new MountTable();
    public final Namei namei = new Namei(mounts);
    public final DevSwitch devsw = new DevSwitch();
    public final VfsSwitch vfsTypes = new VfsSwitch();
    public final VfsCalls vfs = new VfsCalls(namei, mounts, devsw);
    public final Mounter mounter = new Mounter(mounts, vfsTypes, namei);
    public final ProcessTable procs = new ProcessTable(faults, msgbuf);
    public final EmulSwitch emuls;
    public final ExecSwitch execsw;
    public final Spawner spawner;
    public final Sysctl sysctl = new Sysctl();
    public final org.modkern.kernel.internal.wiring.WiringLog wiring =
            new org.modkern.kernel.internal.wiring.WiringLog();
    private final long bootTime = System.currentTimeMillis();
    private volatile int securelevel;
    private volatile String hostname;

    public KernelImpl(KernelConfig config) {
        this.config = config;
        this.securelevel = config.securelevel();
        this.hostname = config.hostname();
        this.emuls = new EmulSwitch();
        this.execsw = new ExecSwitch(namei, emuls, faults);
        this.spawner = new Spawner(procs, execsw, vfs);
        emuls.addNative(NativeSysent.create(new SysPath(vfs), new SysMount(mounter, mounts, namei, procs),
                new SysProc(procs, spawner), new SysctlCall(sysctl)));
        defineSysctls();
    }

    private void defineSysctls() {
        sysctl.readOnly("kern.ostype", () -> OSTYPE);
        sysctl.readOnly("kern.osrelease", config::release);
        sysctl.readOnly("kern.version", () -> OSTYPE + " " + config.release()
                + " (GENERIC) on Java " + System.getProperty("java.version"));
        sysctl.readOnly("kern.boottime", () -> Long.toString(bootTime / 1000));
        sysctl.readOnlyUnlisted("kern.msgbuf", () -> String.join("\n", msgbuf.lines()) + "\n");
        sysctl.readOnly("kern.maxproc", () -> Integer.toString(ProcessTable.MAXPROC));
        sysctl.readOnly("kern.maxfiles", () -> Integer.toString(org.modkern.kernel.internal.vfs.FileDesc.NOFILE));
        sysctl.readOnly("hw.machine", () -> "jvm");
        sysctl.readOnly("hw.machine_arch", () -> System.getProperty("os.arch"));
        sysctl.readOnly("hw.ncpu", () -> Integer.toString(Runtime.getRuntime().availableProcessors()));
        sysctl.writable("kern.hostname", () -> hostname, (by, v) -> {
            if (v.length() > 255) {
                throw new ErrnoException(Errno.EINVAL, "host name longer than 255 bytes");
            }
            hostname = v;
        });
        sysctl.writable("kern.securelevel", () -> Integer.toString(securelevel), this::setSecurelevel);
    }

    /** BSD's rule: anyone root may raise the level; only init (pid 1) may lower it. */
    private void setSecurelevel(ProcImpl by, String v) throws ErrnoException {
        int level = Sysctl.parseInt("kern.securelevel", v);
        if (level < -1) {
            throw new ErrnoException(Errno.EINVAL, "securelevel " + level + " (the lowest is -1)");
        }
        synchronized (this) {
            if (level < securelevel && by.pid() != 1) {
                throw new ErrnoException(Errno.EPERM, "securelevel can only be raised (now "
                        + securelevel + "); only init lowers it");
            }
            securelevel = level;
        }
        log("securelevel set to " + level + " by pid " + by.pid());
    }

    @Override
    public Sysent sysent(String emulation) {
        return emuls.sysent(emulation);
    }

    @Override
    public void log(String message) {
        msgbuf.log(message);
    }

    @Override
    public List<String> messages() {
        return msgbuf.lines();
    }

    @Override
    public int securelevel() {
        return securelevel;
    }

    @Override
    public List<WiredService> wired(Bundle bundle) {
        return wiring.wired(bundle);
    }

    @Override
    public List<String> refusals(Bundle bundle) {
        return wiring.refusals(bundle);
    }

    @Override
    public List<String> inUse(Bundle bundle) {
        String module = Admission.moduleName(bundle);
        List<String> why = new ArrayList<>();
        for (Mount m : mounts.mounts()) {
            if (m.owner().equals(module)) {
                why.add("its file system " + m.type() + " is mounted on " + m.path());
            }
        }
        why.addAll(devsw.busy(module));
        Map<String, String> emulOwners = emuls.owners();
        for (ProcImpl p : procs.list()) {
            if (p.state() == ProcImpl.State.ZOMBIE) {
                continue;
            }
            if (module.equals(p.execOwner())) {
                why.add("process " + p.pid() + " (" + p.comm() + ") runs under its exec format " + p.execFormat());
            } else if (p.sysent() != null && module.equals(emulOwners.get(p.emulation()))) {
                why.add("process " + p.pid() + " (" + p.comm() + ") runs under its emulation " + p.emulation());
            }
        }
        return why;
    }

    @Override
    public int run(String[] argv, InputStream in, OutputStream out) throws ErrnoException {
        if (argv.length == 0) {
            throw new ErrnoException(Errno.EINVAL, "no program to run");
        }
        try {
            return WaitStatus.shellStatus(OperatorRun.run(this, argv, in, out, null));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ErrnoException(Errno.EINTR, argv[0] + " was interrupted");
        }
    }

    @Override
    public org.modkern.kern.Proc curproc() {
        return ProcImpl.current();
    }

    @Override
    public List<org.modkern.kern.ProcInfo> processes() {
        List<org.modkern.kern.ProcInfo> out = new ArrayList<>();
        for (ProcImpl p : procs.list()) {
            out.add(ProcSnapshot.of(p, vfs));
        }
        return out;
    }

    @Override
    public org.modkern.kern.ProcInfo process(int pid) {
        ProcImpl p = procs.find(pid);
        return p == null ? null : ProcSnapshot.of(p, vfs);
    }

    @Override
    public String sysctl(String name) throws ErrnoException {
        return sysctl.get(name);
    }

    @Override
    public void sysctl(org.modkern.kern.Proc by, String name, String value) throws ErrnoException {
        if (!(by instanceof ProcImpl p)) {
            throw new ErrnoException(Errno.EINVAL, "sysctl set needs a process");
        }
        sysctl.set(p, name, value);
    }

    @Override
    public org.modkern.vfs.OpenFile openFile(org.modkern.kern.Proc by, String path, boolean write)
            throws ErrnoException {
        if (!(by instanceof ProcImpl p)) {
            throw new ErrnoException(Errno.EINVAL, "openFile needs a process");
        }
        return KernelOpenFile.open(vfs, p, path, write);
    }
}
