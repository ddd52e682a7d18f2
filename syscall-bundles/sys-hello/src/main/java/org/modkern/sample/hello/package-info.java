/**
 * hello: a sample system-call module, the smallest useful loadable kernel module.
 *
 * <p>It adds one new call, {@code int hello(int n)}, which returns the caller's pid plus
 * {@code n}. Like an lkm(4) {@code MOD_SYSCALL} module it asks for no particular number: the
 * kernel puts it in the first free slot of 210..219, the slots NetBSD reserves for loadable calls
 * (210 when nothing else is loaded), and empties the slot again when the module is unloaded.
 *
 * <p>Try it from a shell in the emulated system: {@code syscall 210 5}.
 */
@Header(name = "Modkern-Module", value = "hello")
@Header(name = "Modkern-Module-Type", value = "syscall")
package org.modkern.sample.hello;

import org.osgi.annotation.bundle.Header;
