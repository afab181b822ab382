package bench;

import io.perfgate.junit.LatencyGate;
import io.perfgate.junit.PerfTest;
import org.junit.jupiter.api.Test;

/** The same empty body driven by perfgate for 10 s on one thread, no warmup (standard profile: 10 rounds). */
public class PerfgateEmptyBody {

    @Test
    @PerfTest(duration = "10s", warmup = "0s")
    @LatencyGate(p99 = "1s")
    public void emptyBody() {
        Counter.increment();
    }
}
