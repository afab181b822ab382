package io.perfgate.core.jmh.gates;

/** A benchmark-shaped class whose bound depends on its size parameter. */
@LatencyGate(mean = "50us")
public class ParamBenchmarks {
    @LatencyGate(mean = "5ms", params = "size=10000")
    public void lookup() {
    }

    @LatencyGate(mean = "5ms", params = "sise=10000")
    public void misspelt() {
    }
}
