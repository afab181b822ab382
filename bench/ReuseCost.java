package io.perfgate.core.load;

import org.apache.hc.core5.http.ConnectionReuseStrategy;
import org.apache.hc.core5.http.HttpVersion;
import org.apache.hc.core5.http.impl.DefaultConnectionReuseStrategy;
import org.apache.hc.core5.http.message.BasicHttpRequest;
import org.apache.hc.core5.http.message.BasicHttpResponse;
import org.apache.hc.core5.http.protocol.HttpCoreContext;

/**
 * What deciding keep-alive costs per answer: HttpCore's DefaultConnectionReuseStrategy against perfgate's
 * KeepAlive, on the request perfgate sends and the answer nginx gives (`bench/reuse-cost.sh` compiles this into
 * perfgate-core's package and runs it). Six rounds of 5 million calls each; the last three are printed.
 */
public class ReuseCost {
    public static void main(String[] args) {
        BasicHttpRequest request = new BasicHttpRequest("GET", "/");
        request.addHeader("Host", "127.0.0.1:18089");
        request.addHeader("Connection", "keep-alive");
        request.addHeader("User-Agent", "perfgate");
        BasicHttpResponse answer = new BasicHttpResponse(200);
        answer.setVersion(HttpVersion.HTTP_1_1);
        answer.addHeader("Server", "nginx/1.22.1");
        answer.addHeader("Date", "Wed, 02 Dec 2026 06:00:00 GMT");
        answer.addHeader("Content-Type", "text/plain");
        answer.addHeader("Content-Length", "17");
        answer.addHeader("Connection", "keep-alive");
        HttpCoreContext context = HttpCoreContext.create();
        ConnectionReuseStrategy[] strategies = {DefaultConnectionReuseStrategy.INSTANCE, KeepAlive.INSTANCE};
        String[] names = {"HttpCore's DefaultConnectionReuseStrategy", "perfgate's KeepAlive"};
        int calls = 5_000_000;
        for (int round = 1; round <= 6; round++) {
            for (int s = 0; s < strategies.length; s++) {
                long start = System.nanoTime();
                int kept = 0;
                for (int i = 0; i < calls; i++) {
                    if (strategies[s].keepAlive(request, answer, context)) {
                        kept++;
                    }
                }
                long nanos = System.nanoTime() - start;
                if (round > 3) {
                    System.out.printf("round %d: %s %.0f ns per answer (kept %d of %d)%n", round, names[s],
                            (double) nanos / calls, kept, calls);
                }
            }
        }
    }
}
