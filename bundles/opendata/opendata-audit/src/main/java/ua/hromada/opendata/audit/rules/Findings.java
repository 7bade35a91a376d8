package ua.hromada.opendata.audit.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * What the rules found about one dataset. Link checks answer later (on the checker's threads):
 * {@link #when} adds their findings once the answer is in; {@link #all} waits for them.
 */
public final class Findings {

    public record Issue(AuditRule rule, Long resourceId, String explanation) {
    }

    private final List<Issue> issues = new ArrayList<>();
    private final List<CompletableFuture<?>> pending = new ArrayList<>();

    public synchronized void add(AuditRule rule, Long resourceId, String explanation) {
        issues.add(new Issue(rule, resourceId, explanation));
    }

    /** When {@code answer} completes, {@code explain} returns the explanation of a finding, or null for none. */
    public synchronized <T> void when(CompletableFuture<T> answer, AuditRule rule, Long resourceId,
            Function<T, String> explain) {
        pending.add(answer.thenAccept(result -> {
            String text = explain.apply(result);
            if (text != null) {
                add(rule, resourceId, text);
            }
        }));
    }

    public synchronized boolean hasPending() {
        return pending.stream().anyMatch(f -> !f.isDone());
    }

    /** Every finding, after the pending link checks have answered. */
    public List<Issue> all() {
        List<CompletableFuture<?>> waiting;
        synchronized (this) {
            waiting = List.copyOf(pending);
        }
        CompletableFuture.allOf(waiting.toArray(CompletableFuture[]::new)).join();
        synchronized (this) {
            return List.copyOf(issues);
        }
    }
}
