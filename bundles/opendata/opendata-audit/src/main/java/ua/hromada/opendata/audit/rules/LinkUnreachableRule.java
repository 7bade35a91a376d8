package ua.hromada.opendata.audit.rules;

import java.util.HashSet;
import java.util.Set;

import ua.hromada.opendata.api.Resource;
import ua.hromada.opendata.api.Severity;

/** Every link (resources and the passport's links) answers over HTTP; only when link checks are on. */
public final class LinkUnreachableRule extends AbstractAuditRule {

    public LinkUnreachableRule() {
        super("link-unreachable", Severity.CRITICAL);
    }

    @Override
    public void check(DatasetCheck c, Findings out) {
        LinkChecker links = c.links().orElse(null);
        if (links == null) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (Resource r : c.resources()) {
            if (!r.uploaded() && r.url() != null && seen.add(r.url().strip())) {
                out.when(links.check(r.url()), this, r.id(), answer -> explanation(c, r.url(), answer));
            }
        }
        for (String url : c.dataset().links()) {
            if (url != null && !url.isBlank() && seen.add(url.strip())) {
                out.when(links.check(url), this, null, answer -> explanation(c, url, answer));
            }
        }
    }

    private String explanation(DatasetCheck c, String url, LinkChecker.Result answer) {
        if (answer.reachable() || answer.skipped()) {
            return null; // a link left unchecked (the day's budget) is the run's notice, not a finding
        }
        return answer.status() == 0 ? explain(c, "error", url, answer.error()) : explain(c, "status", url, answer.status());
    }
}
