package ua.hromada.opendata.audit.command;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Set;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import ua.hromada.opendata.api.AuditRun;
import ua.hromada.opendata.api.AuditService;
import ua.hromada.opendata.api.OpendataException;
import ua.hromada.opendata.api.OpendataPermissions;
import ua.hromada.portal.api.PortalUser;

/**
 * hromada:opendata-audit — runs the open data audit now, with its progress, or lists the recent
 * runs (an administrator's on-demand run without the portal's views, e.g. after an import).
 */
@Service
@Command(scope = "hromada", name = "opendata-audit", description = "Runs the open data audit now, or lists recent runs")
public class AuditCommand implements Action {

    @Reference(optional = true)
    AuditService audit;

    @Option(name = "--list", description = "Only list the recent runs")
    boolean list;

    @Option(name = "--limit", description = "Runs listed")
    int limit = 10;

    /** The console's output (a field so a test can read it). */
    PrintStream out = System.out;

    @Override
    public Object execute() {
        if (audit == null) {
            out.println("The open data audit service is not running");
            return null;
        }
        if (!list) {
            // the console user is a Karaf administrator: act as an auditor
            PortalUser console = new PortalUser(0, "console", "Karaf console", Set.of(), Set.of(OpendataPermissions.AUDIT));
            int[] lastTenth = {-1};
            try {
                AuditRun run = audit.run(console, (done, total) -> {
                    int tenth = total == 0 ? 10 : done * 10 / total;
                    if (tenth != lastTenth[0]) {
                        lastTenth[0] = tenth;
                        out.printf(Locale.ROOT, "%d / %d datasets%n", done, total);
                    }
                });
                out.printf(Locale.ROOT, "Run %d %s: %d datasets, %d findings, mean score %s%n", run.id(), run.status(),
                        run.datasetsChecked(), run.findings(), score(run.score()));
            } catch (OpendataException e) {
                out.println("Not run: " + e.messageKey() + " " + java.util.Arrays.toString(e.args()));
                return null;
            }
        }
        out.printf("%-6s %-20s %-20s %-10s %-12s %8s %8s %6s%n", "run", "started", "finished", "status", "by",
                "datasets", "findings", "score");
        for (AuditRun r : audit.runs(limit)) {
            out.printf(Locale.ROOT, "%-6d %-20s %-20s %-10s %-12s %8d %8d %6s%n", r.id(), r.startedAt().toString().substring(0, 19),
                    r.finishedAt() == null ? "" : r.finishedAt().toString().substring(0, 19), r.status(), r.startedBy(),
                    r.datasetsChecked(), r.findings(), score(r.score()));
        }
        return null;
    }

    private static String score(Double score) {
        return score == null ? "—" : String.format(Locale.ROOT, "%.1f", score);
    }
}
