/**
 * Native programs the benchmarks run inside the emulated system (/usr/bench/NAME): each sees
 * java.* and org.modkern.libc only, like the programs of userland/bin, and prints what it did so
 * the benchmark can check it.
 */
package org.modkern.bench.prog;
