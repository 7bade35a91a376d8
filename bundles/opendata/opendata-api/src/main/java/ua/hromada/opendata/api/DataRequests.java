package ua.hromada.opendata.api;

import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import ua.hromada.portal.api.PortalUser;

/** Official requests to data managers about findings. */
@org.osgi.annotation.versioning.ProviderType
public interface DataRequests {

    /** The formats of a request's letter. */
    enum LetterFormat {
        PDF, DOCX
    }

    /** A stored answer file's name, kind (judged by its content) and bytes. */
    record FileContent(String fileName, String mediaType, byte[] content) {
    }

    List<OfficialRequest> requests(PortalUser actor, Long managerId);

    /** The requests not answered after their deadline, as of the community's today; the oldest deadline first. */
    List<OfficialRequest> overdue(PortalUser actor);

    Optional<OfficialRequest> request(long id);

    /**
     * Registers (id 0) or updates a request, e.g. with its answer; an update carries the version it
     * was read with and is refused with {@code EditConflictException} when the request changed since.
     * Without a due date the legal deadline ({@link #answerDeadline}) is stored.
     */
    OfficialRequest save(PortalUser actor, OfficialRequest request);

    /**
     * As {@link #save(PortalUser, OfficialRequest)}, with the answer's file (PDF, DOCX, PNG or JPEG,
     * judged by its content, at most {@link #maxAnswerFileBytes()}) replacing the stored one; null
     * keeps the stored file. The file belongs to a recorded answer: removing the answer removes it.
     */
    OfficialRequest save(PortalUser actor, OfficialRequest request, String answerFileName, byte[] answerFile);

    /** Deletes a request registered by mistake (its findings stay). */
    void delete(PortalUser actor, long id);

    /** The legal deadline of the answer to a request sent that day, counted in working days (holidays configured). */
    LocalDate answerDeadline(LocalDate sentOn);

    /** The largest answer file accepted, bytes. */
    long maxAnswerFileBytes();

    /** The stored answer file of a request, if any. */
    Optional<FileContent> answerFile(PortalUser actor, long id);

    /**
     * Writes the request's letter: the council, number and date, the addressee, subject and text,
     * the numbered findings with their rules and datasets, the legal basis and the answer's deadline.
     */
    void writeLetter(PortalUser actor, long id, LetterFormat format, OutputStream out);
}
