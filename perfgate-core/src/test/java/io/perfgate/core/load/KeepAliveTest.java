package io.perfgate.core.load;

import org.apache.hc.core5.http.HttpVersion;
import org.apache.hc.core5.http.impl.DefaultConnectionReuseStrategy;
import org.apache.hc.core5.http.message.BasicHttpRequest;
import org.apache.hc.core5.http.message.BasicHttpResponse;
import org.apache.hc.core5.http.protocol.HttpCoreContext;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeepAliveTest {

    @Test
    void plainHttp11AnswersKeepTheirConnection() {
        assertTrue(keeps(request(), response(HttpVersion.HTTP_1_1, "Content-Length", "5")));
        assertTrue(keeps(request(), response(HttpVersion.HTTP_1_1, "Content-Length", "5", "Connection", "keep-alive")));
        assertTrue(keeps(request(), response(HttpVersion.HTTP_1_1, "Transfer-Encoding", "chunked")));
        BasicHttpRequest keepAlive = request();
        keepAlive.addHeader("Connection", "keep-alive");
        assertTrue(keeps(keepAlive, response(HttpVersion.HTTP_1_1, "Content-Length", "5")), "what perfgate sends");
    }

    @Test
    void answersThatEndTheirConnectionOrCannotBeDelimitedDoNot() {
        assertFalse(keeps(request(), response(HttpVersion.HTTP_1_1, "Content-Length", "5", "Connection", "close")));
        assertFalse(keeps(request(), response(HttpVersion.HTTP_1_1, "Content-Length", "5", "connection", "Close")));
        assertFalse(keeps(request(), response(HttpVersion.HTTP_1_1, "Content-Length", "5", "Content-Length", "6")));
        assertFalse(keeps(request(), response(HttpVersion.HTTP_1_1)), "a body delimited by the connection's end");
        assertFalse(keeps(request(), response(HttpVersion.HTTP_1_0, "Content-Length", "5")));
        BasicHttpRequest closing = request();
        closing.addHeader("Connection", "close");
        assertFalse(keeps(closing, response(HttpVersion.HTTP_1_1, "Content-Length", "5")));
    }

    @Test
    void theShortCutAgreesWithHttpCoresRules() {
        BasicHttpResponse[] answers = {
                response(HttpVersion.HTTP_1_1, "Content-Length", "5"),
                response(HttpVersion.HTTP_1_1, "Content-Length", "5", "Connection", "keep-alive"),
                response(HttpVersion.HTTP_1_1, "Content-Length", "5", "Connection", "close"),
                response(HttpVersion.HTTP_1_1, "Content-Length", "5", "Connection", "keep-alive, close"),
                response(HttpVersion.HTTP_1_1, "Transfer-Encoding", "chunked"),
                response(HttpVersion.HTTP_1_1, "Transfer-Encoding", "gzip"),
                response(HttpVersion.HTTP_1_1, "Content-Length", "5", "Content-Length", "5"),
                response(HttpVersion.HTTP_1_1),
                response(HttpVersion.HTTP_1_0, "Content-Length", "5", "Connection", "keep-alive"),
                response(HttpVersion.HTTP_1_1, "Content-Length", "5", "Proxy-Connection", "close"),
                status(204, response(HttpVersion.HTTP_1_1, "Content-Length", "5")),
                status(304, response(HttpVersion.HTTP_1_1, "Content-Length", "5")),
        };
        BasicHttpRequest keepAlive = request();
        keepAlive.addHeader("Connection", "keep-alive");
        BasicHttpRequest closing = request();
        closing.addHeader("Connection", "close");
        for (BasicHttpRequest request : new BasicHttpRequest[] {request(), keepAlive, closing}) {
            for (BasicHttpResponse answer : answers) {
                assertEquals(DefaultConnectionReuseStrategy.INSTANCE.keepAlive(request, answer, HttpCoreContext.create()),
                        keeps(request, answer), java.util.Arrays.toString(request.getHeaders()) + " " + answer + " "
                                + java.util.Arrays.toString(answer.getHeaders()));
            }
        }
    }

    private static boolean keeps(BasicHttpRequest request, BasicHttpResponse response) {
        return KeepAlive.INSTANCE.keepAlive(request, response, HttpCoreContext.create());
    }

    private static BasicHttpResponse status(int code, BasicHttpResponse response) {
        response.setCode(code);
        return response;
    }

    private static BasicHttpRequest request() {
        return new BasicHttpRequest("GET", "/");
    }

    private static BasicHttpResponse response(HttpVersion version, String... headers) {
        BasicHttpResponse response = new BasicHttpResponse(200);
        response.setVersion(version);
        for (int i = 0; i < headers.length; i += 2) {
            response.addHeader(headers[i], headers[i + 1]);
        }
        return response;
    }
}
