package ua.hromada.opendata.audit.rules;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Checks links over HTTP for one audit run: a GET whose body is read only for its first bytes
 * (the magic number) and then dropped, at most {@code maxConcurrent} at once, each address once
 * per run. Timeouts: connecting, the answer's head, and reading those first bytes.
 */
public final class LinkChecker implements AutoCloseable {

    /**
     * @param status HTTP status, 0 when there was no answer (then {@code error} says why)
     */
    public record Result(int status, String contentType, Sniff kind, String error) {
        public boolean reachable() {
            return status >= 200 && status < 400;
        }
    }

    private final HttpClient client;
    private final Duration readTimeout;
    private final ExecutorService workers;
    private final ScheduledExecutorService watchdog;
    private final Map<String, CompletableFuture<Result>> answers = new ConcurrentHashMap<>();

    public LinkChecker(Duration connectTimeout, Duration readTimeout, int maxConcurrent) {
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(maxConcurrent, r -> {
            Thread t = new Thread(r, "opendata-audit-link-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "opendata-audit-link-watchdog");
            t.setDaemon(true);
            return t;
        });
        this.client = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        this.readTimeout = readTimeout;
    }

    /** The answer for an address (shared when several resources point to it). */
    public CompletableFuture<Result> check(String url) {
        return answers.computeIfAbsent(url.strip(), u -> CompletableFuture.supplyAsync(() -> fetch(u), workers));
    }

    private Result fetch(String url) {
        URI uri;
        try {
            uri = URI.create(url);
            if (uri.getScheme() == null || !(uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))
                    || uri.getHost() == null) {
                return new Result(0, null, null, "адреса не http(s)");
            }
        } catch (IllegalArgumentException e) {
            return new Result(0, null, null, "неправильна адреса");
        }
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(readTimeout).header("Range", "bytes=0-" + (Sniff.HEAD - 1))
                .header("User-Agent", "Hromada open data audit").GET().build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            String type = response.headers().firstValue("Content-Type").orElse(null);
            byte[] head;
            // a server that sends the head and then stalls: the stream is closed after the timeout
            try (InputStream body = response.body()) {
                var stop = watchdog.schedule(() -> {
                    body.close();
                    return null;
                }, readTimeout.toMillis(), TimeUnit.MILLISECONDS);
                head = response.statusCode() < 400 ? body.readNBytes(Sniff.HEAD) : new byte[0];
                stop.cancel(false);
            }
            Sniff kind = head.length == 0 && response.statusCode() >= 400 ? null : Sniff.of(head, head.length);
            return new Result(response.statusCode(), type, kind, null);
        } catch (HttpConnectTimeoutException e) {
            return new Result(0, null, null, "не вдалося з'єднатися за відведений час");
        } catch (HttpTimeoutException e) {
            return new Result(0, null, null, "сервер не відповів за відведений час");
        } catch (ConnectException e) {
            return new Result(0, null, null, "з'єднання відхилено");
        } catch (UnknownHostException e) {
            return new Result(0, null, null, "невідомий сервер");
        } catch (IOException e) {
            return new Result(0, null, null, "помилка з'єднання: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(0, null, null, "перевірку перервано");
        }
    }

    /** Drops the checks not started yet (a cancelled run). */
    public void cancel() {
        answers.values().forEach(f -> f.cancel(true));
        workers.shutdownNow();
    }

    @Override
    public void close() {
        workers.shutdownNow();
        watchdog.shutdownNow();
    }
}
