package bench;

import io.perfgate.junit.LatencyGate;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

class RegexTest {
    private static final Pattern EMAIL = Pattern.compile("[a-z0-9._%+-]+@[a-z0-9.-]+\\.[a-z]{2,}");
    private static final String TEXT = "write to anna.berg@example.org or to ops+alerts@perfgate.io, not to nobody@; "
            .repeat(40);
    static int sink;

    @Test
    @LatencyGate(p50 = "200ms", p95 = "1s")
    void findEmailAddresses() {
        Matcher matcher = EMAIL.matcher(TEXT);
        int found = 0;
        while (matcher.find()) {
            found++;
        }
        sink += found;
    }
}
