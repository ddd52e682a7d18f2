package org.modkern.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** procfs on /proc and kernfs on /kern, loaded as modules and read by native programs. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ProcKernIT extends KernelTestSupport {

    private void mounted(String type, String dir) throws Exception {
        if (!gogo("kern:run /sbin/mount").contains(" on " + dir + " type " + type)) {
            gogo("kern:run /sbin/modload /usr/lkm/fs-" + type + ".jar");
            gogo("kern:run /sbin/mount -t " + type + " " + type + " " + dir);
        }
    }

    @Test
    public void eachProcessHasADirectoryAndSelfIsTheCaller() throws Exception {
        mounted("procfs", "/proc");
        String status = gogo("kern:run /bin/cat /proc/self/status");
        Matcher m = Pattern.compile("^cat (\\d+) (\\d+) R 0 0 netbsd \\d+\n$").matcher(status);
        assertTrue(status, m.matches());
        assertEquals("/bin/cat\0/proc/curproc/cmdline\0", gogo("kern:run /bin/cat /proc/curproc/cmdline"));
        String fds = gogo("kern:run /bin/sh -c \"cd /tmp; ls -l /proc/self/fd /proc/self/cwd | cat\"");
        assertTrue(fds, fds.contains("0 -> /dev/console"));
        assertTrue(fds, fds.contains("1 -> pipe:["));
        assertTrue(fds, fds.contains("cwd -> /tmp"));
        String pwd = gogo("kern:run /bin/sh -c \"cd /proc/self/fd && pwd && ls /proc\"");
        assertTrue(pwd, pwd.matches("(?s)/proc/\\d+/fd\n.*curproc\n.*"));
    }

    @Test
    public void anExitedProcessesDirectoryIsGone() throws Exception {
        mounted("procfs", "/proc");
        String out = gogo("kern:run /bin/sh -c \"cat /proc/self/status\"");
        String pid = out.split(" ")[1];
        String ls = gogo("kern:run /bin/sh -c \"ls /proc/" + pid + "; echo status=$?\"");
        assertTrue(ls, ls.endsWith("status=1\n"));
    }

    @Test
    public void theModuleTableIsAFileAndProcfsIsBusyWhileMounted() throws Exception {
        mounted("procfs", "/proc");
        assertEquals(gogo("lkm:modstat"), gogo("kern:run /bin/cat /proc/modules"));
        expectFailure("lkm:modunload -n procfs", "modunload: EBUSY: module procfs is in use: its file system procfs is mounted on /proc");
    }

    @Test
    public void kernfsShowsTheKernelAndRootSetsTheHostname() throws Exception {
        mounted("kernfs", "/kern");
        assertEquals(kernel.sysctl("kern.hostname") + "\n", gogo("kern:run /bin/cat /kern/hostname"));
        gogo("kern:run /bin/sh -c \"echo fromkernfs > /kern/hostname\"");
        assertEquals("fromkernfs", kernel.sysctl("kern.hostname"));
        assertEquals("0\n", gogo("kern:run /bin/cat /kern/securelevel"));
        kernel.log("a line for kernfs");
        assertTrue(gogo("kern:run /bin/cat /kern/msgbuf").contains("a line for kernfs\n"));
        long boot = Long.parseLong(gogo("kern:run /bin/cat /kern/boottime").trim());
        assertTrue(Math.abs(System.currentTimeMillis() / 1000 - boot) < 600);
        String ls = gogo("kern:run /bin/ls -l /kern");
        assertTrue(ls, ls.lines().anyMatch(l -> l.startsWith("-rw-r--r--") && l.endsWith(" hostname")));
        String refused = gogo("kern:run /bin/sh -c \"echo x > /kern/version; echo status=$?\"");
        assertTrue(refused, refused.endsWith("status=1\n"));
        for (String f : List.of("version", "ostype", "osrelease", "time", "pagesize", "hz", "copyright")) {
            assertFalse(f, gogo("kern:run /bin/cat /kern/" + f).isEmpty());
        }
    }
}
