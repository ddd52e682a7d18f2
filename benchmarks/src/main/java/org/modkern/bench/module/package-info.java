/**
 * bench-getpid: a module for the benchmarks that replaces getpid(2). Built with the hand-written
 * manifest src/module/MANIFEST.MF (no bnd here), its activator registers the handler.
 */
package org.modkern.bench.module;
