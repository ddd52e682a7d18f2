/**
 * The console (cdevsw major 0, minor 0, as on NetBSD/amd64): reads and writes go to the
 * terminal of the calling process, that is the operator's Gogo session that started it.
 * Line discipline (echo, erase, ^C) belongs to the tty module, not here.
 */
@Header(name = "Modkern-Module", value = "console")
@Header(name = "Modkern-Module-Type", value = "dev")
package org.modkern.dev.console;

import org.osgi.annotation.bundle.Header;
