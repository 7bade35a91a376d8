package ua.hromada.gis.api.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * A GET from another server for a waiting thread: one deadline for the headers and the body (a
 * server that sends its headers and then trickles is cut off too), at most {@code maxBytes} of body
 * counted as they arrive (a declared length over the limit fails at once), and a body read only when
 * the caller wants that answer. The caller turns a {@link Failed} into its own error.
 */
public final class BoundedGet {

    /** Why there is no answer. */
    public enum Failure {
        /** The deadline passed while waiting for the headers or the body. */
        TIMED_OUT,
        /** The body is longer than the limit. */
        TOO_LARGE,
        /** No connection, a broken exchange, or the waiting thread was interrupted. */
        UNREACHABLE
    }

    /** The GET gave no answer; {@link #failure()} says why. */
    public static final class Failed extends Exception {
        private static final long serialVersionUID = 1L;
        private final Failure failure;

        Failed(Failure failure, Throwable cause) {
            super(failure.name(), cause);
            this.failure = failure;
        }

        public Failure failure() {
            return failure;
        }
    }

    private final HttpClient http;
    private final Duration timeout;
    private final int maxBytes;

    /**
     * @param executor where the JDK client runs its hand-offs: a pool of the portal's job service that
     *                 no caller of {@link #get} blocks on (a caller waiting on its own pool could leave
     *                 no thread to finish the exchange); null leaves the client its own threads
     */
    public BoundedGet(Duration timeout, int maxBytes, HttpClient.Redirect redirects, Executor executor) {
        this.timeout = timeout;
        this.maxBytes = maxBytes;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(redirects);
        this.http = (executor == null ? builder : builder.executor(executor)).build();
    }

    public Duration timeout() {
        return timeout;
    }

    public int maxBytes() {
        return maxBytes;
    }

    /**
     * The answer to a GET of {@code uri} with the given header name/value pairs; its body is empty
     * unless {@code readBody} accepts the answer's status and headers (a refused answer is not read).
     */
    public HttpResponse<byte[]> get(URI uri, Predicate<HttpResponse.ResponseInfo> readBody, String... headers) throws Failed {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        CompletableFuture<HttpResponse<byte[]>> answer = http.sendAsync(request.build(), info -> !readBody.test(info)
                ? HttpResponse.BodySubscribers.replacing(new byte[0])
                : new LimitedBody(info.headers().firstValueAsLong("Content-Length").orElse(0) > maxBytes ? -1 : maxBytes));
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true); // aborts the exchange
            throw new Failed(Failure.TIMED_OUT, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof TooLarge) {
                throw new Failed(Failure.TOO_LARGE, cause);
            }
            if (cause instanceof HttpTimeoutException && !(cause instanceof HttpConnectTimeoutException)) {
                throw new Failed(Failure.TIMED_OUT, cause);
            }
            throw new Failed(Failure.UNREACHABLE, cause);
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw new Failed(Failure.UNREACHABLE, e);
        }
    }

    /** Collects the body and gives up (cancelling the download) past {@code max} bytes; max -1: at once. */
    private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final int max;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        LimitedBody(int max) {
            this.max = max;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (max < 0) {
                s.cancel();
                result.completeExceptionally(new TooLarge());
                return;
            }
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            for (ByteBuffer b : items) {
                if (result.isDone()) {
                    return;
                }
                if (bytes.size() + (long) b.remaining() > max) {
                    subscription.cancel();
                    result.completeExceptionally(new TooLarge());
                    return;
                }
                byte[] chunk = new byte[b.remaining()];
                b.get(chunk);
                bytes.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }
    }

    private static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;
    }
}
