package ua.hromada.crm.api;

import java.util.List;

import ua.hromada.portal.api.PortalUser;

/**
 * The explainable verification of a case («AI-модуль»): rules over the card and the applicant, the
 * reading of its scans (OCR, extraction, cross-check against the typed application). The
 * administrator stays in control: every finding says why, and can be overridden with a reason.
 */
public interface Verification {

    /** Runs every check now (reading scans not read yet) and answers the findings, overridden ones included. */
    List<Finding> verify(PortalUser user, long caseId);

    /** The findings of the last run, without running again. */
    List<Finding> findings(PortalUser user, long caseId);

    /**
     * Overrides a fired check with a reason (at least a few words), journalled on the case; refused
     * without {@link CrmPermissions#ADMINISTRATOR} or {@link CrmPermissions#HEAD}.
     */
    void override(PortalUser user, long caseId, String rule, String subject, String reason);

    /** The {@code ERROR} findings of a fresh run that are not overridden: what holds the hand-over. */
    List<Finding> unresolved(PortalUser user, long caseId);
}
