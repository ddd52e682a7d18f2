/**
 * Fakes and helpers for the modules' unit tests: {@link org.modkern.testkit.FakeProc} (a process
 * whose user memory is one array), {@link org.modkern.testkit.VnodeIo} (file and directory I/O on
 * vnodes through uios), {@link org.modkern.testkit.DevIo} (the same on character devices),
 * {@link org.modkern.testkit.ErrnoAssert} and {@link org.modkern.testkit.Ioccom}. Test scope only.
 */
package org.modkern.testkit;
