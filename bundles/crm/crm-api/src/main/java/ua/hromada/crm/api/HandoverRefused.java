package ua.hromada.crm.api;

import java.util.List;

import ua.hromada.portal.api.PortalException;

/**
 * A hand-over to the back office refused because verification found errors that are neither fixed
 * nor overridden: the message lists them ({@code crm.case.error.unresolved}) and {@link #findings()}
 * gives them to a view, so nothing is held back silently.
 */
public class HandoverRefused extends CrmException {
    private final transient List<Finding> findings;

    public HandoverRefused(List<Finding> findings) {
        super(PortalException.Reason.CONFLICT, "crm.case.error.unresolved", findings.size(),
                String.join("; ", findings.stream().map(Finding::message).toList()));
        this.findings = List.copyOf(findings);
    }

    /** The unresolved {@code ERROR} findings, as {@link Verification#unresolved} answered them. */
    public List<Finding> findings() {
        return findings;
    }
}
