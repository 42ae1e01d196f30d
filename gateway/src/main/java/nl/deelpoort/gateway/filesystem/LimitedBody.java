package nl.deelpoort.gateway.filesystem;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body up to a limit and cancels the exchange beyond it, so a file system that
 * answers without end cannot fill the gateway's memory.
 */
final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {

    static final class TooLargeException extends IOException {
        TooLargeException(long limit) {
            super("response body larger than " + limit + " bytes");
        }
    }

    private final long limit;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final List<ByteBuffer> parts = new ArrayList<>();
    private long size;
    private Flow.Subscription subscription;

    LimitedBody(long limit) {
        this.limit = limit;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer b : items) {
            size += b.remaining();
            if (size > limit) {
                subscription.cancel();
                parts.clear();
                result.completeExceptionally(new TooLargeException(limit));
                return;
            }
            ByteBuffer copy = ByteBuffer.allocate(b.remaining());
            copy.put(b).flip();
            parts.add(copy);
        }
    }

    @Override
    public void onError(Throwable t) {
        result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
        byte[] all = new byte[(int) size];
        int at = 0;
        for (ByteBuffer b : parts) {
            int n = b.remaining();
            b.get(all, at, n);
            at += n;
        }
        parts.clear();
        result.complete(all);
    }
}
