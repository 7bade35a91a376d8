package ua.hromada.opendata.audit.command;

import java.io.PrintStream;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Set;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import ua.hromada.opendata.api.AuditRun;
import ua.hromada.opendata.api.OpendataAudit;
import ua.hromada.opendata.api.OpendataException;
import ua.hromada.opendata.api.OpendataPermissions;
import ua.hromada.portal.api.MessageBundle;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.community.Communities;

/**
 * opendata:audit — runs the open data audit now, with its progress, or lists the recent runs (an
 * administrator's on-demand run without the portal's views, e.g. after an import). Its texts come
 * from the bundle's i18n/opendata-audit in the console's locale; no argument has a closed set of
 * values, so there is nothing to complete.
 */
@Service
@Command(scope = "opendata", name = "audit", description = "Runs the open data audit now, or lists recent runs")
public class AuditCommand implements Action {

    @Reference(optional = true)
    OpendataAudit audit;

    @Reference(optional = true)
    Communities communities;

    @Option(name = "--community", description = "The community whose registry is audited or listed (regional hosting;"
            + " default: the default community)")
    String community;

    @Option(name = "--list", description = "Only list the recent runs")
    boolean list;

    @Option(name = "--limit", description = "Runs listed")
    int limit = 10;

    /** The console's output (a field so a test can read it). */
    PrintStream out = System.out;

    private final MessageBundle texts = MessageBundle.of("i18n.opendata-audit", AuditCommand.class.getClassLoader());
    private final Locale locale = Locale.getDefault();

    @Override
    public Object execute() {
        if (audit == null) {
            out.println(text("opendata.audit.cmd.missing"));
            return null;
        }
        if (community == null || community.isBlank()) {
            return auditOrList(); // a console command's work is the default community's
        }
        String id = community.strip();
        if (communities == null || communities.find(id).isEmpty()) {
            out.println(text("opendata.audit.cmd.noCommunity", id));
            return null;
        }
        return communities.callAs(id, this::auditOrList);
    }

    private Object auditOrList() {
        if (!list) {
            // the console user is a Karaf administrator: act as an auditor
            PortalUser console = new PortalUser(0, "console", "Karaf console", Set.of(), Set.of(OpendataPermissions.AUDIT));
            int[] lastTenth = {-1};
            try {
                AuditRun run = audit.run(console, (done, total) -> {
                    int tenth = total == 0 ? 10 : (int) (done * 10 / total);
                    if (tenth != lastTenth[0]) {
                        lastTenth[0] = tenth;
                        out.println(text("opendata.audit.cmd.progress", done, total));
                    }
                });
                out.println(text("opendata.audit.cmd.finished", run.id(), run.status().name(), run.datasetsChecked(),
                        run.findings(), score(run.score())));
            } catch (OpendataException e) {
                out.println(text("opendata.audit.cmd.refused", text(e.messageKey(), e.args())));
                return null;
            }
        }
        String row = "%-6s %-20s %-20s %-10s %-12s %8s %8s %6s%n";
        out.printf(Locale.ROOT, row, text("opendata.audit.cmd.col.run"), text("opendata.audit.cmd.col.started"),
                text("opendata.audit.cmd.col.finished"), text("opendata.audit.cmd.col.status"), text("opendata.audit.cmd.col.by"),
                text("opendata.audit.cmd.col.datasets"), text("opendata.audit.cmd.col.findings"), text("opendata.audit.cmd.col.score"));
        for (AuditRun r : audit.runs(limit)) {
            out.printf(Locale.ROOT, row, r.id(), r.startedAt().toString().substring(0, 19),
                    r.finishedAt() == null ? "" : r.finishedAt().toString().substring(0, 19), r.status(), r.startedBy(),
                    r.datasetsChecked(), r.findings(), score(r.score()));
        }
        return null;
    }

    /** A text of the bundle in the console's locale; numbers unformatted (run ids, counts), the key when missing. */
    private String text(String key, Object... args) {
        String pattern = texts.message(key, locale).orElse(key);
        if (args == null || args.length == 0) {
            return pattern;
        }
        Object[] plain = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            plain[i] = args[i] instanceof Number n ? String.valueOf(n) : args[i];
        }
        return new MessageFormat(pattern, locale).format(plain);
    }

    private static String score(Double score) {
        return score == null ? "—" : String.format(Locale.ROOT, "%.1f", score);
    }
}
