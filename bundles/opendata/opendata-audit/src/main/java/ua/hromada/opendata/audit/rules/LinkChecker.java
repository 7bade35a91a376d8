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
import java.util.concurrent.Executor;

import ua.hromada.portal.api.jobs.Job;
import ua.hromada.portal.api.jobs.Jobs;

/**
 * Checks links over HTTP for one audit run: a GET whose body is read only for its first bytes
 * (the magic number) and then dropped, at most {@code maxConcurrent} at once, each address once
 * per run. Timeouts: connecting, the answer's head, and reading those first bytes. The checks fan
 * out on pool {@code opendata.audit.links}; a stalled body is closed by a job on
 * {@code opendata.audit.watchdog} (a pool of its own: the link pool may be full of stalled reads).
 * The HTTP client's own hand-offs run on {@code opendata.audit.http}, never on the link pool whose
 * threads block in {@code send}: sharing it could leave no thread to finish their exchanges.
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
    private final Jobs jobs;
    private final Executor workers;
    private final Map<String, CompletableFuture<Result>> answers = new ConcurrentHashMap<>();
    private volatile boolean closed;

    public LinkChecker(Jobs jobs, Duration connectTimeout, Duration readTimeout, int maxConcurrent) {
        this.jobs = jobs;
        this.workers = jobs.executor("opendata.audit.links", maxConcurrent);
        this.client = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL).executor(jobs.executor("opendata.audit.http", 4)).build();
        this.readTimeout = readTimeout;
    }

    /** The answer for an address (shared when several resources point to it). */
    public CompletableFuture<Result> check(String url) {
        return answers.computeIfAbsent(url.strip(), u -> CompletableFuture.supplyAsync(
                () -> closed ? new Result(0, null, null, "перевірку перервано") : fetch(u), workers));
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
                Job<Void> stop = jobs.schedule("opendata.audit.watchdog", "stalled link " + uri.getHost(), readTimeout,
                        progress -> {
                            body.close();
                            return null;
                        });
                head = response.statusCode() < 400 ? body.readNBytes(Sniff.HEAD) : new byte[0];
                stop.cancel();
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
        closed = true;
        answers.values().forEach(f -> f.cancel(true));
    }

    /** Checks still queued return at once; those under way end within their timeouts. */
    @Override
    public void close() {
        closed = true;
    }
}
