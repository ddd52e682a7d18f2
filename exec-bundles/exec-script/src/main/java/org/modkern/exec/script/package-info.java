/**
 * The interpreter exec format (BSD's exec_script): a file whose first line is
 * {@code #!interpreter [arg]} is run by that interpreter, with the script's path as an argument.
 * The kernel execs the interpreter in its place.
 */
@Header(name = "Modkern-Module", value = "exec_script")
@Header(name = "Modkern-Module-Type", value = "exec")
package org.modkern.exec.script;

import org.osgi.annotation.bundle.Header;
