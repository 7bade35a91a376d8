package ua.hromada.docsearch.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What an employee, the import or the API submits to create or change an act. The service
 * validates it (see {@link ValidationException}).
 *
 * @param status the act's legal force; none given = {@link #DEFAULT_STATUS} (form, import and API alike)
 * @param links outgoing links: this act amends / cancels the acts with those ids
 */
public record ActDraft(String kindCode, String number, LocalDate date, String title, String issuingBody,
        Integer convocation, Integer session, ActStatus status, Set<String> tags, List<Link> links) {

    /** The status of an act registered without one. */
    public static final ActStatus DEFAULT_STATUS = ActStatus.IN_FORCE;

    public ActDraft {
        status = status == null ? DEFAULT_STATUS : status;
    }

    public record Link(long targetActId, LinkType type) {
    }
}
