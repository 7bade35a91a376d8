package ua.hromada.docsearch.service.command;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import ua.hromada.docsearch.api.LegalActSearch;
import ua.hromada.portal.api.MessageBundle;
import ua.hromada.portal.api.community.Communities;
import ua.hromada.portal.api.community.Community;
import ua.hromada.portal.api.jobs.JobProgress;

/**
 * docsearch:reindex — rebuilds the document indexes from PostgreSQL, each community's as that
 * community (every community, or the one of --community); Ctrl+C cancels (the old index stays).
 */
@Service
@Command(scope = "docsearch", name = "reindex", description = "Rebuilds the document search index from the database")
public class ReindexCommand implements Action {

    @Reference(optional = true)
    LegalActSearch search;

    @Reference
    Communities communities;

    @Option(name = "--community", aliases = "-c", description = "Only this community's index (its id); default: every community")
    String community;

    @Option(name = "--quiet", aliases = "-q", description = "Print only the result")
    boolean quiet;

    private final MessageBundle texts = MessageBundle.of("i18n.docsearch-service", ReindexCommand.class.getClassLoader());

    private String text(String key, Object... args) {
        String pattern = texts.message(key, Locale.getDefault()).orElse(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.getDefault()).format(args);
    }

    @Override
    public Object execute() {
        if (search == null) {
            System.err.println(text("docsearch.cmd.reindex.missing"));
            return null;
        }
        List<Community> chosen;
        if (community == null || community.isBlank()) {
            chosen = communities.all();
        } else {
            Optional<Community> one = communities.find(community.strip());
            if (one.isEmpty()) {
                System.err.println(text("docsearch.cmd.reindex.unknown", community.strip()));
                return null;
            }
            chosen = List.of(one.get());
        }
        for (Community c : chosen) {
            System.out.println(text("docsearch.cmd.reindex.community", c.id(), c.name()));
            boolean done = communities.callAs(c.id(), this::reindexCurrent);
            if (!done) {
                return null; // cancelled: the other communities keep their indexes too
            }
        }
        return null;
    }

    /** The bound community's index; false when cancelled. */
    private boolean reindexCurrent() {
        Thread caller = Thread.currentThread();
        AtomicLong lastPercent = new AtomicLong(-1);
        long start = System.nanoTime();
        long done = search.reindex(new JobProgress() {
            @Override
            public void update(long d, long total) {
                long percent = total == 0 ? 100 : d * 100 / total;
                // a line per 10 %, and the last one
                if (!quiet && (percent / 10 != lastPercent.get() / 10 || d == total && lastPercent.get() != percent)) {
                    System.out.println(text("docsearch.cmd.reindex.progress", d, total, percent));
                    lastPercent.set(percent);
                }
            }

            @Override
            public boolean cancelled() {
                return caller.isInterrupted();
            }
        });
        long ms = (System.nanoTime() - start) / 1_000_000;
        if (done < 0) {
            System.out.println(text("docsearch.cmd.reindex.cancelled"));
            return false;
        }
        System.out.println(text("docsearch.cmd.reindex.done", done, ms));
        return true;
    }
}
