package ua.hromada.docsearch.api;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import ua.hromada.portal.api.PortalUser;

/**
 * The registry of acts in PostgreSQL (schema {@code docsearch}). Every change updates the search
 * index in the same call and is written to the audit log. Nothing is half-saved: a refused file
 * or field rolls the whole call back. Every change is checked here: the user needs
 * {@link DocsearchPermissions#EDIT}, otherwise a {@link DocsearchException} with
 * {@link ua.hromada.portal.api.PortalException.Reason#FORBIDDEN} (also for a null user); the change
 * and its audit entry (actor = the user's name) commit together.
 */
@org.osgi.annotation.versioning.ProviderType
public interface LegalActRegistry {

    List<ActKind> kinds();

    /** Largest file accepted (etc/ua.hromada.docsearch.cfg, max.file.size.mb); uploads are cut off there. */
    long maxFileBytes();

    /**
     * The fields an act cannot be saved without (names as in {@link ValidationException#fieldErrors()}:
     * kind, number, date, title), for forms to mark; the service refuses a draft without them.
     */
    Set<String> requiredFields();

    /** File name extensions of the accepted formats (".pdf", ...): other files are refused. */
    List<String> acceptedFileTypes();

    /** Distinct issuing bodies already used, for suggestions. */
    List<String> issuingBodies();

    /**
     * @throws DuplicateActException when an act of the same kind with the same number and date is
     *         already in the registry (a register holds each act once)
     */
    LegalAct create(ActDraft draft, List<FileUpload> files, PortalUser user);

    /**
     * Changes the act loaded at {@code version} ({@link LegalAct#version()}).
     *
     * @throws ua.hromada.portal.api.jdbc.EditConflictException when it was changed or removed since
     * @throws DuplicateActException when the new kind, number and date are another act's
     * @throws java.util.NoSuchElementException when there is no such act
     */
    LegalAct update(long id, long version, ActDraft draft, PortalUser user);

    /**
     * Adds files to the act loaded at {@code version}; unreadable ones are kept with
     * {@link ExtractionStatus#FAILED}. The act's version moves on.
     *
     * @throws ua.hromada.portal.api.jdbc.EditConflictException when it was changed since
     */
    LegalAct addFiles(long id, long version, List<FileUpload> files, PortalUser user);

    /** Removes one file; the act's version moves on. */
    void removeFile(long actId, long fileId, PortalUser user);

    void delete(long id, PortalUser user);

    Optional<LegalAct> find(long id);

    /** The stored bytes of a file. */
    Optional<FileUpload> fileContent(long fileId);

    long count();

    /** Whether the user may create, change and import acts (the rule the services check). */
    default boolean canEdit(PortalUser user) {
        return DocsearchPermissions.canEdit(user);
    }

    /**
     * Runs many changes (a bulk import) with the search index committed every few hundred changes
     * and at the end instead of after each one. Whatever the changes committed to the database is
     * in the index when this returns or throws; searches may see the acts only at those commits.
     */
    default <T> T inBatch(Supplier<T> work) {
        return work.get();
    }
}
