package dev.eventsourcing.application;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body read into memory, never more than a set number of bytes: past the cap the
 * subscriber cancels its subscription (which closes the connection) and either fails or keeps
 * what it has. The HTTP client's own {@code ofString} and {@code ofByteArray} read whatever the
 * server sends.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {

    /** A body that was longer than allowed. */
    static final class TooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final long limit;

        TooLarge(long limit) {
            super(null, null, false, false);
            this.limit = limit;
        }

        long limit() {
            return limit;
        }
    }

    private final long limit;
    private final boolean truncate;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private volatile Flow.Subscription subscription;
    private volatile boolean aborted;

    private BoundedBody(long limit, boolean truncate) {
        this.limit = limit;
        this.truncate = truncate;
    }

    /** A body of at most {@code limit} bytes; a longer one fails with {@link TooLarge}. */
    static BoundedBody failingAbove(long limit) {
        return new BoundedBody(limit, false);
    }

    /** The first {@code limit} bytes of a body; the rest is not read. */
    static BoundedBody truncatedAt(long limit) {
        return new BoundedBody(limit, true);
    }

    /** A body refused before it is read, because the server announced more than {@code limit} bytes. */
    static BoundedBody refused(long limit) {
        BoundedBody body = new BoundedBody(limit, false);
        body.aborted = true;
        body.result.completeExceptionally(new TooLarge(limit));
        return body;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (aborted) {
            subscription.cancel();
        } else {
            subscription.request(Long.MAX_VALUE);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer buffer : buffers) {
            int room = (int) Math.min(Integer.MAX_VALUE, limit - bytes.size());
            if (buffer.remaining() > room) {
                write(buffer, room);
                subscription.cancel();
                if (truncate) {
                    result.complete(bytes.toByteArray());
                } else {
                    result.completeExceptionally(new TooLarge(limit));
                }
                return;
            }
            write(buffer, buffer.remaining());
        }
    }

    private void write(ByteBuffer buffer, int length) {
        byte[] chunk = new byte[length];
        buffer.get(chunk);
        bytes.write(chunk, 0, length);
    }

    @Override
    public void onError(Throwable throwable) {
        result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
        result.complete(bytes.toByteArray());
    }

    /** Stops reading (the request took too long): cancels the subscription, now or when it comes. */
    void abort() {
        aborted = true;
        Flow.Subscription current = subscription;
        if (current != null) {
            current.cancel();
        }
    }
}
