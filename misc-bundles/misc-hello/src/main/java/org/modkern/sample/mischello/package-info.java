/**
 * mischello: a sample miscellaneous module.
 *
 * <p>An lkm(4) {@code MOD_MISC} module gets no switch-table slot from the kernel: "the user is
 * expected to write their own loader to handle the kernel pointer/table manipulation". Here the
 * module's component is that loader: on load it wires itself in (a line in the message buffer and
 * a Gogo command, {@code hello:greet}), and on unload it takes out exactly what it put in.
 */
@Header(name = "Modkern-Module", value = "mischello")
@Header(name = "Modkern-Module-Type", value = "misc")
package org.modkern.sample.mischello;

import org.osgi.annotation.bundle.Header;
