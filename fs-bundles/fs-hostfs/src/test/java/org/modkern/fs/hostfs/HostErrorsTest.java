package org.modkern.fs.hostfs;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import org.junit.Test;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;

public class HostErrorsTest {
    private static int errno(Throwable t) {
        return HostErrors.errno(t, "a/b").errno();
    }

    @Test
    public void javaExceptionClassesMapToTheirErrnos() {
        assertEquals(Errno.ENOENT, errno(new NoSuchFileException("/host/a/b")));
        assertEquals(Errno.EEXIST, errno(new FileAlreadyExistsException("/host/a/b")));
        assertEquals(Errno.ENOTEMPTY, errno(new DirectoryNotEmptyException("/host/a/b")));
        assertEquals(Errno.EACCES, errno(new AccessDeniedException("/host/a/b")));
        assertEquals(Errno.ENOTDIR, errno(new NotDirectoryException("/host/a/b")));
        assertEquals(Errno.EINVAL, errno(new InvalidPathException("a\0b", "NUL")));
        assertEquals(Errno.ENOENT, errno(new UncheckedIOException(new NoSuchFileException("x"))));
    }

    @Test
    public void hostReasonsMapToTheirErrnos() {
        assertEquals(Errno.EROFS, errno(new FileSystemException("/host/a/b", null, "Read-only file system")));
        assertEquals(Errno.ENOSPC, errno(new FileSystemException("/host/a/b", null, "No space left on device")));
        assertEquals(Errno.ENOTEMPTY, errno(new FileSystemException("/h", "/i", "Directory not empty")));
        assertEquals(Errno.EISDIR, errno(new FileSystemException("/h", "/i", "Is a directory")));
        assertEquals(Errno.ENOTDIR, errno(new FileSystemException("/h", null, "Not a directory")));
        assertEquals(Errno.ELOOP, errno(new IOException("Too many levels of symbolic links (NOFOLLOW_LINKS specified)")));
        assertEquals(Errno.EXDEV, errno(new FileSystemException("/h", "/i", "Invalid cross-device link")));
        assertEquals(Errno.EPERM, errno(new FileSystemException("/h", null, "Operation not permitted")));
        assertEquals(Errno.ENAMETOOLONG, errno(new FileSystemException("/h", null, "File name too long")));
    }

    @Test
    public void anythingElseIsEioNamingTheFileButNotTheHostPath() {
        ErrnoException e = HostErrors.errno(new FileSystemException("/secret/host/a/b", null, "Input/output error"), "a/b");
        assertEquals(Errno.EIO, e.errno());
        assertTrue(e.detail(), e.detail().startsWith("a/b: "));
        assertFalse(e.detail(), e.detail().contains("/secret/host"));
        assertEquals(Errno.EIO, errno(new IllegalStateException("bug")));
        ErrnoException same = new ErrnoException(Errno.ESTALE, "x");
        assertTrue(same == HostErrors.errno(same, "a/b"));
    }
}
