package ua.hromada.opendata.audit.rules;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import ua.hromada.opendata.api.OutboundRequests;
import ua.hromada.portal.api.outbound.OutboundPolicy;
import ua.hromada.portal.api.outbound.OutboundRefusedException;
import ua.hromada.portal.api.jobs.Job;
import ua.hromada.portal.api.jobs.Jobs;

/**
 * Checks links over HTTP for one audit run, politely: a GET whose body is read only for its first
 * bytes (the magic number) and then dropped, each address once per run, at most
 * {@link Limits#concurrent} at once and {@link Limits#perHost} at once against one host name, and
 * no more checks than the community's day budget leaves ({@link Budget}; the addresses left over are
 * not fetched and counted as {@link #skipped}). Every request goes through the open data outbound
 * allow-list ({@link OutboundRequests}): a link to an internal address is refused, never fetched.
 * Timeouts: connecting, the answer's head, and reading those first bytes. The checks fan out on
 * pool {@code opendata.audit.links}, each blocking in the portal's outbound HTTP on its thread; a
 * stalled body is closed by a job on {@code opendata.audit.watchdog} (a pool of its own: the link pool
 * may be full of stalled reads).
 */
public final class LinkChecker implements AutoCloseable {

    /**
     * @param status  HTTP status, 0 when there was no answer (then {@code error} says why)
     * @param skipped not checked at all (the day's budget ran out): no finding either way
     */
    public record Result(int status, String contentType, Sniff kind, String error, boolean skipped) {
        Result(int status, String contentType, Sniff kind, String error) {
            this(status, contentType, kind, error, false);
        }

        public boolean reachable() {
            return status >= 200 && status < 400;
        }
    }

    /** Timeouts and how many checks run at once, in all and against one host. */
    public record Limits(Duration connectTimeout, Duration readTimeout, int concurrent, int perHost) {
    }

    /** The community's checks left for the day: takes one, or says none is left. */
    @FunctionalInterface
    public interface Budget {
        boolean take();
    }

    private final OutboundRequests outbound;
    private final OutboundPolicy policy;
    private final Duration readTimeout;
    private final int perHost;
    private final Budget budget;
    private final Texts texts;
    private final Jobs jobs;
    private final Executor workers;
    private final Map<String, CompletableFuture<Result>> answers = new ConcurrentHashMap<>();
    /** Checks running and waiting per host name (guarded by itself). */
    private final Map<String, HostQueue> hosts = new HashMap<>();
    private final AtomicInteger skipped = new AtomicInteger();
    private volatile boolean closed;

    private static final class HostQueue {
        int running;
        final Queue<Runnable> waiting = new ArrayDeque<>();
    }

    public LinkChecker(Jobs jobs, OutboundRequests outbound, Limits limits, Budget budget, Texts texts) {
        this.jobs = jobs;
        this.outbound = outbound;
        this.budget = budget;
        this.texts = texts;
        this.perHost = Math.max(1, limits.perHost());
        this.workers = jobs.executor("opendata.audit.links", Math.max(1, limits.concurrent()));
        // redirects are followed by the outbound HTTP, which checks every target again
        this.policy = outbound.policy().withConnectTimeout(limits.connectTimeout());
        this.readTimeout = limits.readTimeout();
    }

    /** The answer for an address (shared when several resources point to it). */
    public CompletableFuture<Result> check(String url) {
        return answers.computeIfAbsent(url.strip(), this::start);
    }

    /** Addresses not checked because the day's budget ran out. */
    public int skipped() {
        return skipped.get();
    }

    private CompletableFuture<Result> start(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(error("invalid"));
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            return CompletableFuture.completedFuture(error("notHttp"));
        }
        if (closed) {
            return CompletableFuture.completedFuture(error("stopped"));
        }
        if (!budget.take()) {
            skipped.incrementAndGet();
            return CompletableFuture.completedFuture(new Result(0, null, null, text("budget"), true));
        }
        CompletableFuture<Result> answer = new CompletableFuture<>();
        queue(uri.getHost().toLowerCase(Locale.ROOT), () -> answer.complete(closed ? error("stopped") : fetch(uri)));
        return answer;
    }

    /** Runs {@code check} now if its host has a free place, else after a check of that host ends. */
    private void queue(String host, Runnable check) {
        synchronized (hosts) {
            HostQueue q = hosts.computeIfAbsent(host, h -> new HostQueue());
            if (q.running >= perHost) {
                q.waiting.add(check);
                return;
            }
            q.running++;
        }
        execute(host, check);
    }

    private void execute(String host, Runnable check) {
        try {
            workers.execute(() -> {
                try {
                    check.run();
                } finally {
                    next(host);
                }
            });
        } catch (RejectedExecutionException e) {
            // the pool is shut down (the bundle stops): the check ends as stopped, its host's queue too
            check.run();
            next(host);
        }
    }

    private void next(String host) {
        Runnable following;
        synchronized (hosts) {
            HostQueue q = hosts.get(host);
            following = q.waiting.poll();
            if (following == null) {
                q.running--;
                return;
            }
        }
        execute(host, following);
    }

    private Result fetch(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(readTimeout).header("Range", "bytes=0-" + (Sniff.HEAD - 1))
                .header("User-Agent", "Hromada open data audit").GET().build();
        try {
            HttpResponse<InputStream> response = outbound.send(request, policy);
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
        } catch (OutboundRefusedException e) {
            return error("refused." + e.reason().name(), e.host());
        } catch (HttpConnectTimeoutException e) {
            return error("connectTimeout");
        } catch (HttpTimeoutException e) {
            return error("readTimeout");
        } catch (ConnectException e) {
            return error("connectionRefused");
        } catch (UnknownHostException e) {
            return error("unknownHost");
        } catch (IOException e) {
            return error("io", e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return error("stopped");
        }
    }

    private Result error(String key, Object... args) {
        return new Result(0, null, null, text(key, args));
    }

    private String text(String key, Object... args) {
        return texts.get("opendata.audit.link." + key, args);
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
