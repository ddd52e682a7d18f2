/**
 * The random devices (NetBSD's rnd(4), major 46 there; here the kernel assigns one): minor 0 /dev/random and minor 1
 * /dev/urandom. Both read from the JVM's {@link java.security.SecureRandom} and never block;
 * what is written to either is mixed into it (it supplements the seed, never replaces it).
 */
@Header(name = "Modkern-Module", value = "rnd")
@Header(name = "Modkern-Module-Type", value = "dev")
package org.modkern.dev.rnd;

import org.osgi.annotation.bundle.Header;
