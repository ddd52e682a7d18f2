package org.modkern.bench;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** A system booted once per trial (without init), shared by the benchmark's threads. */
@State(Scope.Benchmark)
public class Booted {
    public SystemUnderTest sut;

    @Setup(Level.Trial)
    public void boot() {
        sut = SystemUnderTest.boot(false);
    }

    @TearDown(Level.Trial)
    public void stop() {
        sut.close();
    }
}
