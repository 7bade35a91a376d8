package ua.hromada.crm.service.cases;

import java.time.Instant;
import java.util.List;

import ua.hromada.crm.api.CaseStatus;
import ua.hromada.crm.api.CrmException;
import ua.hromada.crm.api.CrmPermissions;
import ua.hromada.crm.api.Finding;
import ua.hromada.crm.api.HandoverRefused;
import ua.hromada.crm.api.ProviderKind;
import ua.hromada.crm.api.ServiceCase;
import ua.hromada.crm.api.Verification;
import ua.hromada.portal.api.PortalException.Reason;
import ua.hromada.portal.api.PortalUser;

/**
 * A case's way after registration: hand-over (verification asked first), taken by an executor of the
 * role, result or refusal ready, issued; or cancelled by the applicant. Each step checks the status
 * and the version the form loaded, and is journalled with who and a Ukrainian detail.
 */
final class CaseFlow {
    private final CasesImpl cases;

    CaseFlow(CasesImpl cases) {
        this.cases = cases;
    }

    ServiceCase handOver(PortalUser user, long caseId, long version) {
        CaseAccess.requireAdministrator(user);
        CaseStore.Row row = cases.visible(user, caseId);
        requireStatus(row.value(), CaseStatus.REGISTERED);
        CaseStore.Provider provider = row.provider();
        if (provider.kind() == ProviderKind.COUNCIL_UNIT && provider.role().isBlank()) {
            throw new CrmException(Reason.CONFLICT, "crm.case.error.noRole");
        }
        var verification = cases.verification();
        if (verification.isPresent()) {
            List<Finding> unresolved = verification.get().unresolved(user, caseId);
            if (!unresolved.isEmpty()) {
                // the refused attempt is journalled too: the hold is never silent
                String list = String.join("; ", unresolved.stream().map(Finding::message).toList());
                cases.database().tx(c -> {
                    cases.journal(c, user, row.value(), "handover-refused",
                            cases.messages().ukrainian("crm.case.step.handoverRefused", list));
                    return null;
                });
                throw new HandoverRefused(unresolved);
            }
        }
        cases.database().tx(c -> {
            ServiceCase v = cases.lockOpen(c, caseId, version);
            requireStatus(v, CaseStatus.REGISTERED);
            CaseStore.update(c, caseId, "status = ?, handed_over_at = ?", CaseStatus.IN_BACK_OFFICE.name(), cases.now());
            if (verification.isEmpty()) {
                cases.journal(c, user, v, "not-verified", cases.messages().ukrainian("crm.case.step.noVerification"));
            }
            String detail = provider.kind() == ProviderKind.STATE_BODY
                    ? cases.messages().ukrainian("crm.case.step.handedOverState", provider.name())
                    : cases.messages().ukrainian("crm.case.step.handedOver", provider.name(), provider.role());
            cases.journal(c, user, v, "handed-over", detail);
            return null;
        });
        return cases.load(caseId);
    }

    ServiceCase take(PortalUser user, long caseId, long version) {
        return step(user, caseId, version, CaseStatus.IN_BACK_OFFICE, (c, v) -> {
            requireExecutor(user, v);
            CaseStore.update(c, caseId, "executor = ?", user.username());
            cases.journal(c, user, v, "taken", cases.messages().ukrainian("crm.case.step.taken", CasesImpl.displayName(user)));
        });
    }

    /** Result ready ({@code ground} null) or refusal ready on {@code ground}. */
    ServiceCase ready(PortalUser user, long caseId, String ground, long version) {
        return step(user, caseId, version, CaseStatus.IN_BACK_OFFICE, (c, v) -> {
            requireExecutor(user, v);
            Instant at = cases.now();
            String executor = v.executor().isEmpty() && !v.backOfficeRole().isEmpty() ? user.username() : v.executor();
            if (ground == null) {
                CaseStore.update(c, caseId, "status = ?, ready_at = ?, executor = ?", CaseStatus.RESULT_READY.name(),
                        at, executor);
                cases.journal(c, user, v, "result-ready", cases.messages().ukrainian("crm.case.step.resultReady"));
            } else {
                String reason = CasesImpl.cut(ground, 2000);
                CaseStore.update(c, caseId, "status = ?, ready_at = ?, executor = ?, refusal_reason = ?",
                        CaseStatus.REFUSAL_READY.name(), at, executor, reason);
                cases.journal(c, user, v, "refusal-ready", cases.messages().ukrainian("crm.case.step.refusalReady", reason));
            }
        });
    }

    ServiceCase issue(PortalUser user, long caseId, long version) {
        CaseAccess.requireAdministrator(user);
        return step(user, caseId, version, null, (c, v) -> {
            if (v.status() != CaseStatus.RESULT_READY && v.status() != CaseStatus.REFUSAL_READY) {
                throw statusError(v);
            }
            CaseStore.update(c, caseId, "status = ?, issued_at = ?", CaseStatus.ISSUED.name(), cases.now());
            cases.journal(c, user, v, "issued", cases.messages().ukrainian(v.status() == CaseStatus.RESULT_READY
                    ? "crm.case.step.issued" : "crm.case.step.issuedRefusal"));
        });
    }

    ServiceCase cancel(PortalUser user, long caseId, String reason, long version) {
        CaseAccess.requireAdministrator(user);
        return step(user, caseId, version, null, (c, v) -> {
            CaseStore.update(c, caseId, "status = ?", CaseStatus.CANCELLED.name());
            cases.journal(c, user, v, "cancelled", cases.messages().ukrainian("crm.case.step.cancelled",
                    CasesImpl.cut(reason, 2000)));
        });
    }

    /** A step's change, in the transaction that locked the case. */
    @FunctionalInterface
    private interface Change {
        void apply(java.sql.Connection c, ServiceCase v) throws java.sql.SQLException;
    }

    private ServiceCase step(PortalUser user, long caseId, long version, CaseStatus required, Change change) {
        cases.visible(user, caseId);
        cases.database().tx(c -> {
            ServiceCase v = cases.lockOpen(c, caseId, version);
            if (required != null) {
                requireStatus(v, required);
            }
            change.apply(c, v);
            return null;
        });
        return cases.load(caseId);
    }

    /**
     * The back office of the case's role moves it; a state body's case (no role: the centre passes
     * papers to the body and gets its answer back) is moved by the administrator.
     */
    private static void requireExecutor(PortalUser user, ServiceCase v) {
        if (v.backOfficeRole().isEmpty()) {
            CaseAccess.requireAdministrator(user);
            return;
        }
        if (!user.hasPermission(CrmPermissions.BACK_OFFICE)) {
            throw CaseAccess.forbidden();
        }
        if (!user.roles().contains(v.backOfficeRole())) {
            throw new CrmException(Reason.FORBIDDEN, "crm.case.error.notYourRole");
        }
    }

    private void requireStatus(ServiceCase v, CaseStatus status) {
        if (v.status() != status) {
            throw statusError(v);
        }
    }

    private CrmException statusError(ServiceCase v) {
        return new CrmException(Reason.CONFLICT, "crm.case.error.status",
                cases.messages().ukrainian("crm.case.status." + v.status().name()));
    }
}
