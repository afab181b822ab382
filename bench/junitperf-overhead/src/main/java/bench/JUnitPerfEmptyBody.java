package bench;

import com.github.noconnor.junitperf.JUnitPerfInterceptor;
import com.github.noconnor.junitperf.JUnitPerfTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** An empty test body driven by JUnitPerf for 10 s on one thread, no warmup, its default (console) reporter. */
@ExtendWith(JUnitPerfInterceptor.class)
public class JUnitPerfEmptyBody {

    @Test
    @JUnitPerfTest(durationMs = 10_000, warmUpMs = 0, threads = 1)
    public void emptyBody() {
        Counter.increment();
    }
}
