package io.perfgate.core.load;

import io.perfgate.core.load.CompiledFlow.CompiledStep;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.impl.BasicEntityDetails;
import org.apache.hc.core5.http.nio.AsyncClientExchangeHandler;
import org.apache.hc.core5.http.nio.CapacityChannel;
import org.apache.hc.core5.http.nio.DataStreamChannel;
import org.apache.hc.core5.http.nio.RequestChannel;
import org.apache.hc.core5.http.protocol.HttpContext;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One request and its answer, on HttpCore's I/O thread: sends the request (and its body), keeps the status,
 * the content type and (only where a check needs it) the body, and reports the end once. The flag it extends is
 * set by whoever finishes it first: the answer, a failure, or the drain at the end of the run.
 */
@SuppressWarnings("serial")
final class Exchange extends AtomicBoolean implements AsyncClientExchangeHandler {
    static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

    /** Who hears how an exchange ended. */
    interface Listener {
        void answered(Exchange exchange);

        void failed(Exchange exchange, Exception cause);
    }

    final Connection connection;
    final Iteration iteration;
    final CompiledStep step;
    private final HttpRequest request;
    private final byte[] requestBody;
    private final Listener listener;
    private int bodyOffset;
    boolean requestProduced;
    long sentAt;
    int status;
    String contentType;
    byte[] body;
    int bodyLength;
    boolean bodyOverflow;

    Exchange(Connection connection, Iteration iteration, HttpRequest request, byte[] requestBody, Listener listener) {
        this.connection = connection;
        this.iteration = iteration;
        this.step = iteration.currentStep();
        this.request = request;
        this.requestBody = requestBody;
        this.listener = listener;
    }

    @Override
    public void produceRequest(RequestChannel channel, HttpContext context) throws HttpException, IOException {
        requestProduced = true;
        sentAt = System.nanoTime();
        channel.sendRequest(request, requestBody == null ? null
                : new BasicEntityDetails(requestBody.length, ContentType.APPLICATION_JSON), context);
    }

    @Override
    public int available() {
        return requestBody == null ? 0 : requestBody.length - bodyOffset;
    }

    @Override
    public void produce(DataStreamChannel channel) throws IOException {
        if (requestBody == null) {
            return;
        }
        if (bodyOffset < requestBody.length) {
            bodyOffset += channel.write(ByteBuffer.wrap(requestBody, bodyOffset, requestBody.length - bodyOffset));
        }
        if (bodyOffset >= requestBody.length) {
            channel.endStream();
        }
    }

    @Override
    public void consumeInformation(HttpResponse response, HttpContext context) {
        // 1xx answers are not the answer
    }

    @Override
    public void consumeResponse(HttpResponse response, EntityDetails entityDetails, HttpContext context) {
        status = response.getCode();
        if (step.expect.contentType() != null || step.needsBody) {
            // read only where a check looks at it: the header lookup costs on every answer
            Header type = response.getFirstHeader("Content-Type");
            contentType = type != null ? type.getValue() : entityDetails == null ? null : entityDetails.getContentType();
        }
        if (entityDetails == null) {
            listener.answered(this);
        }
    }

    @Override
    public void updateCapacity(CapacityChannel capacityChannel) throws IOException {
        capacityChannel.update(Integer.MAX_VALUE);
    }

    @Override
    public void consume(ByteBuffer src) {
        int length = src.remaining();
        if (keepBody() && !bodyOverflow) {
            if (bodyLength + length > MAX_BODY_BYTES) {
                bodyOverflow = true;
            } else {
                if (body == null) {
                    body = new byte[Math.max(256, length)];
                } else if (bodyLength + length > body.length) {
                    body = Arrays.copyOf(body, Math.max(body.length * 2, bodyLength + length));
                }
                src.get(body, bodyLength, length);
                bodyLength += length;
                return;
            }
        }
        src.position(src.limit());
    }

    /** Bodies are kept only where a step checks or captures JSON, or a failed status wants a snippet. */
    private boolean keepBody() {
        return step.needsBody || (status != 0 && !step.expect.acceptsStatus(status) && bodyLength < 512);
    }

    @Override
    public void streamEnd(List<? extends Header> trailers) {
        listener.answered(this);
    }

    @Override
    public void failed(Exception cause) {
        listener.failed(this, cause);
    }

    @Override
    public void cancel() {
        listener.failed(this, new IOException("request cancelled: the connection closed before it was sent"));
    }

    @Override
    public void releaseResources() {
        // nothing pooled
    }

    String bodySnippet() {
        if (body == null || bodyLength == 0) {
            return "";
        }
        String text = new String(body, 0, Math.min(bodyLength, 200), StandardCharsets.UTF_8).replaceAll("\\s+", " ");
        return "; body: " + text + (bodyLength > 200 ? "..." : "");
    }
}
