package io.perfgate.junit;

/** When a gated test's {@code @BeforeEach} and {@code @AfterEach} methods run; see {@link PerfTest#setup()}. */
public enum Setup {
    /** Once around the whole measurement, as JUnit runs them around one test: the default. */
    PER_TEST,
    /**
     * Around every invocation, warmup included, outside the measured time: for a body that changes the state its
     * setup makes (consumes a queue, flips a flag, fills a collection) and must start from it every time.
     */
    PER_INVOCATION
}
