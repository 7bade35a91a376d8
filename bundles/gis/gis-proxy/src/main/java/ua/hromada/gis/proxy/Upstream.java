package ua.hromada.gis.proxy;

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
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * Fetches one image from an external service for the request's thread: within one deadline for the
 * headers and the body (a server that trickles is cut off: 504), at most {@code maxBytes} counted as
 * they arrive (502), redirects never followed (the registered host is the only one reached), and only
 * a 200 answer of a raster {@code image/*} type passes (502 otherwise). The request thread waits on
 * the exchange; the only threads are the JDK client's own.
 */
final class Upstream {

    static final int MAX_BYTES = 10 * 1024 * 1024;
    static final Duration TIMEOUT = Duration.ofSeconds(15);
    /** A raster image type; SVG may carry script and would run in the portal's origin. */
    private static final Pattern IMAGE = Pattern.compile("image/(?!svg)[a-z0-9.+-]{1,60}", Pattern.CASE_INSENSITIVE);

    /** The image and its media type (without parameters). */
    record Image(String contentType, byte[] bytes) {
    }

    private final HttpClient http;
    private final Duration timeout;
    private final int maxBytes;

    Upstream(Duration timeout, int maxBytes) {
        this.timeout = timeout;
        this.maxBytes = maxBytes;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    Image fetch(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET()
                .header("Accept", "image/png, image/jpeg;q=0.9, image/*;q=0.8")
                // tile services ask their users to say who they are
                .header("User-Agent", "Hromada portal GIS proxy").build();
        // a refused answer's body is not read; a declared length over the limit fails at once
        CompletableFuture<HttpResponse<byte[]>> answer = http.sendAsync(request, info -> !image(info)
                ? HttpResponse.BodySubscribers.replacing(new byte[0])
                : new LimitedBody(info.headers().firstValueAsLong("Content-Length").orElse(0) > maxBytes ? -1 : maxBytes));
        HttpResponse<byte[]> response;
        try {
            response = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw timedOut();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof TooLarge) {
                // the limit in whole megabytes, or kilobytes when smaller (a test's limit)
                throw maxBytes % (1024 * 1024) == 0
                        ? ProxyError.badGateway("proxy.error.tooLarge", maxBytes / 1024 / 1024)
                        : ProxyError.badGateway("proxy.error.tooLargeKb", Math.max(1, maxBytes / 1024));
            }
            if (cause instanceof HttpTimeoutException && !(cause instanceof HttpConnectTimeoutException)) {
                throw timedOut();
            }
            throw ProxyError.badGateway("proxy.error.unreachable", uri.getHost());
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw ProxyError.badGateway("proxy.error.unreachable", uri.getHost());
        }
        int status = response.statusCode();
        if (status >= 300 && status < 400) {
            throw ProxyError.badGateway("proxy.error.redirect", uri.getHost());
        }
        if (status != 200) {
            throw ProxyError.badGateway("proxy.error.status", uri.getHost(), status);
        }
        String type = mediaType(response.headers().firstValue("Content-Type").orElse(""));
        if (!IMAGE.matcher(type).matches()) {
            throw ProxyError.badGateway("proxy.error.notImage", uri.getHost(), type.isEmpty() ? "—" : type);
        }
        return new Image(type, response.body());
    }

    private static boolean image(HttpResponse.ResponseInfo info) {
        return info.statusCode() == 200
                && IMAGE.matcher(mediaType(info.headers().firstValue("Content-Type").orElse(""))).matches();
    }

    private ProxyError timedOut() {
        return new ProxyError(504, "proxy.error.timeout", Math.max(1, timeout.toSeconds()));
    }

    static String mediaType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
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
