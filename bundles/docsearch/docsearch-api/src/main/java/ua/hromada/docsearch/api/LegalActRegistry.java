package ua.hromada.docsearch.api;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The registry of acts in PostgreSQL (schema {@code docsearch}). Every change updates the search
 * index in the same call and is written to the audit log. Nothing is half-saved: a refused file
 * or field rolls the whole call back.
 */
public interface LegalActRegistry {

    List<ActKind> kinds();

    /** Largest file accepted (etc/ua.hromada.docsearch.cfg, max.file.size.mb); uploads are cut off there. */
    long maxFileBytes();

    /** Distinct issuing bodies already used, for suggestions. */
    List<String> issuingBodies();

    LegalAct create(ActDraft draft, List<FileUpload> files, String actor);

    LegalAct update(long id, ActDraft draft, String actor);

    /** Adds files; unreadable ones are kept with {@link ExtractionStatus#FAILED}. */
    LegalAct addFiles(long id, List<FileUpload> files, String actor);

    void removeFile(long actId, long fileId, String actor);

    void delete(long id, String actor);

    Optional<LegalAct> find(long id);

    /** The stored bytes of a file. */
    Optional<FileUpload> fileContent(long fileId);

    long count();

    /**
     * Runs many changes (a bulk import) with the search index committed every few hundred changes
     * and at the end instead of after each one. Whatever the changes committed to the database is
     * in the index when this returns or throws; searches may see the acts only at those commits.
     */
    default <T> T inBatch(Supplier<T> work) {
        return work.get();
    }
}
