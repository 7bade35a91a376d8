package ua.hromada.eservices.api;

import java.time.LocalDate;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import ua.hromada.portal.api.PortalUser;

/**
 * The employees' handling of appeals. A user with {@link EservicesPermissions#APPEALS} sees and
 * handles the appeals of the units whose role the user holds; {@link EservicesPermissions#MANAGE}
 * every unit's. Every step is journalled and audited in the step's transaction; a change of an
 * appeal another employee changed meanwhile gives {@code EditConflictException}.
 */
@ProviderType
public interface Appeals {

    List<AppealSummary> find(PortalUser user, AppealQuery query);

    int count(PortalUser user, AppealQuery query);

    /** NOT_FOUND for an unknown id or one of a unit the user does not handle. */
    Appeal get(PortalUser user, long id);

    /**
     * Assigns the executor (name and phone required) and e-mails the applicant the executor's name and
     * phone for clarifications. Allowed while REGISTERED or ASSIGNED (reassigning).
     */
    Appeal assign(PortalUser user, long id, long version, String executorName, String executorPhone);

    /** Answers (text required) and e-mails the applicant; ANSWERED. Allowed while REGISTERED or ASSIGNED. */
    Appeal answer(PortalUser user, long id, long version, String answer);

    /** Closes an answered appeal. */
    Appeal close(PortalUser user, long id, long version);

    List<AppealStep> journal(PortalUser user, long id);

    /** A received file's content, for an employee who may see the appeal. */
    byte[] attachment(PortalUser user, long appealId, long attachmentId);

    /** Per month, topic and unit, for appeals received from {@code from} to {@code to} (inclusive). */
    List<AppealStatistics> statistics(PortalUser user, LocalDate from, LocalDate to);
}
