package io.perfgate.core.load;

import org.apache.hc.core5.http.ConnectionReuseStrategy;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.HttpVersion;
import org.apache.hc.core5.http.impl.DefaultConnectionReuseStrategy;
import org.apache.hc.core5.http.protocol.HttpContext;

import java.util.Iterator;

/**
 * Whether a connection stays open after an answer. The plain case is decided here: an HTTP/1.1 answer (not 1xx,
 * 204 or 304) delimited by one Content-Length, with at most {@code Connection: keep-alive} on either side, which
 * is what nginx and most servers send. Anything else goes to HttpCore's own rules. Those tokenize the Connection
 * headers of every answer: 220-310 ns against 35-55 ns here for an nginx answer (bench/reuse-cost.sh, two
 * runs), about 2 % of the 11 us a request costs the generator.
 */
final class KeepAlive implements ConnectionReuseStrategy {
    static final KeepAlive INSTANCE = new KeepAlive();

    private KeepAlive() {
    }

    @Override
    public boolean keepAlive(HttpRequest request, HttpResponse response, HttpContext context) {
        return plainlyKeptAlive(request, response)
                || DefaultConnectionReuseStrategy.INSTANCE.keepAlive(request, response, context);
    }

    private static boolean plainlyKeptAlive(HttpRequest request, HttpResponse response) {
        int status = response.getCode();
        if (!HttpVersion.HTTP_1_1.equals(response.getVersion()) || status < 200 || status == 204 || status == 304
                || !onlyKeepAlive(request.headerIterator(HttpHeaders.CONNECTION))) {
            return false;
        }
        int lengths = 0;
        for (Iterator<Header> headers = response.headerIterator(); headers.hasNext(); ) {
            Header header = headers.next();
            String name = header.getName();
            if (name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)) {
                lengths++;
            } else if (name.equalsIgnoreCase(HttpHeaders.TRANSFER_ENCODING) || name.equalsIgnoreCase("Proxy-Connection")
                    || name.equalsIgnoreCase(HttpHeaders.CONNECTION) && !isKeepAlive(header)) {
                return false;
            }
        }
        return lengths == 1;
    }

    private static boolean onlyKeepAlive(Iterator<Header> connectionHeaders) {
        while (connectionHeaders.hasNext()) {
            if (!isKeepAlive(connectionHeaders.next())) {
                return false;
            }
        }
        return true;
    }

    private static boolean isKeepAlive(Header connection) {
        return "keep-alive".equalsIgnoreCase(connection.getValue().trim());
    }
}
