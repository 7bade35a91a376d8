package ua.hromada.docsearch.service;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ua.hromada.docsearch.api.ActDraft;
import ua.hromada.docsearch.api.ActKind;
import ua.hromada.docsearch.api.DocsearchException;
import ua.hromada.docsearch.api.ExtractionStatus;
import ua.hromada.docsearch.api.FileUpload;
import ua.hromada.docsearch.api.LegalAct;
import ua.hromada.docsearch.api.LegalActRegistry;
import ua.hromada.docsearch.api.LegalActSearch;
import ua.hromada.docsearch.api.SearchQuery;
import ua.hromada.docsearch.api.SearchResult;
import ua.hromada.docsearch.service.index.CommunityIndexes;
import ua.hromada.docsearch.service.index.DocAnalyzer;
import ua.hromada.docsearch.service.index.IndexHit;
import ua.hromada.docsearch.service.store.ActStore;
import ua.hromada.docsearch.service.store.StoredFile;
import ua.hromada.portal.api.MessageBundle;
import ua.hromada.portal.api.PortalSettings;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.SchemaMigrations;
import ua.hromada.portal.api.audit.AuditLog;
import ua.hromada.portal.api.community.Communities;
import ua.hromada.portal.api.community.Community;
import ua.hromada.portal.api.jdbc.CommunityData;
import ua.hromada.portal.api.jdbc.Transactions;
import ua.hromada.portal.api.jobs.Job;
import ua.hromada.portal.api.jobs.JobProgress;
import ua.hromada.portal.api.jobs.Jobs;

/**
 * The registry (PostgreSQL, schema {@code docsearch}, plain JDBC: one call = one transaction, the
 * change and its audit entry in it) and the search (Lucene). Every change checks the user's right
 * here. The index is updated only after the database commit; it is derived data and is rebuilt from
 * the database when missing. Everything is the current community's: the community DataSource
 * shows only its rows, and each community has its own index ({@link CommunityIndexes}).
 */
@Component(service = {LegalActRegistry.class, LegalActSearch.class}, configurationPid = DocsearchConfig.PID)
@Designate(ocd = DocsearchConfig.class)
public class LegalActRegistryImpl implements LegalActRegistry, LegalActSearch {
    private static final Logger LOG = LoggerFactory.getLogger(LegalActRegistryImpl.class);
    static final String MODULE = "docsearch";
    static final String ENTITY = "legal-act";

    private final DataSource dataSource;
    private final Communities communities;
    private final AuditLog audit;
    /** The community's clock, asked each time (its time zone may be changed while the portal runs). */
    private final Supplier<Clock> clock;
    private final ActFiles files;
    private final ScanRecognition scans;
    private final ActStore store = new ActStore();
    private final LinkStatuses links = new LinkStatuses(store);
    private final ActChecks checks = new ActChecks(store, this::kinds, this::forgetKinds);
    private final ActIndexing indexing;
    private final SearchResults results = new SearchResults(
            MessageBundle.of("i18n.docsearch-service", LegalActRegistryImpl.class.getClassLoader()));
    /** The index check at start (pool {@code docsearch.index}); null where nothing was started. */
    private volatile Job<Void> startup;

    @Activate
    public LegalActRegistryImpl(@Reference(target = CommunityData.TARGET) DataSource dataSource,
            @Reference Communities communities, @Reference SchemaMigrations migrations, @Reference AuditLog audit,
            @Reference PortalSettings settings, @Reference Jobs jobs, BundleContext context, DocsearchConfig config) {
        // "now" and "today" (a date in the future is refused) in the community's time zone
        this(migrate(migrations, context, dataSource), communities, audit, settings::clock,
                ActIndexing.indexDir(config.index_dir()), Math.max(1, config.max_file_size_mb()) * 1024L * 1024L,
                ScanRecognition.Setup.of(config, jobs), jobs);
        startup = jobs.submit("docsearch.index", "check index at start", progress -> {
            checkAtStart(progress);
            return null;
        });
    }

    LegalActRegistryImpl(DataSource dataSource, Communities communities, AuditLog audit, Clock clock, Path indexDir,
            long maxFileBytes) {
        this(dataSource, communities, audit, () -> clock, indexDir, maxFileBytes, null, null);
    }

    /** For tests of OCR: {@code ocr} null leaves scans EMPTY as without tesseract. */
    LegalActRegistryImpl(DataSource dataSource, Communities communities, AuditLog audit, Clock clock, Path indexDir,
            long maxFileBytes, ScanRecognition.Setup ocr) {
        this(dataSource, communities, audit, () -> clock, indexDir, maxFileBytes, ocr, null);
    }

    /** {@code jobs}: where a lost index is rebuilt; null in tests (rebuilt in the caller). */
    private LegalActRegistryImpl(DataSource dataSource, Communities communities, AuditLog audit,
            Supplier<Clock> clock, Path indexDir, long maxFileBytes, ScanRecognition.Setup ocr, Jobs jobs) {
        this.dataSource = dataSource;
        this.communities = communities;
        this.audit = audit;
        this.clock = clock;
        this.indexing = new ActIndexing(dataSource, communities, store, indexDir, jobs);
        this.scans = new ScanRecognition(ocr, dataSource, audit, this::reindexOne);
        this.files = new ActFiles(maxFileBytes, scans.enabled());
    }

    /**
     * At start, for every community (as that community): numbers re-normalised, its index opened
     * (and rebuilt when out of step). A community added later gets the same at its first use.
     */
    void checkAtStart(JobProgress progress) {
        for (Community community : communities.all()) {
            if (progress.cancelled()) {
                return;
            }
            communities.runAs(community.id(), () -> {
                try {
                    renormalizeNumbers();
                    indexing.current();
                    if (scans.enabled()) {
                        scans.queueWaiting();
                    }
                } catch (RuntimeException e) {
                    LOG.error("Checking the document index of community {} at start failed; run docsearch:reindex",
                            community.id(), e);
                }
            });
        }
    }

    private static DataSource migrate(SchemaMigrations migrations, BundleContext context, DataSource ds) {
        migrations.migrate(context.getBundle(), "docsearch", "db/migration/docsearch");
        return ds;
    }

    @Deactivate
    void deactivate() {
        Job<Void> running = startup;
        if (running != null) {
            running.cancel();
            try {
                // the index is closed only once the rebuild has let go of it
                running.result().toCompletableFuture().get(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException | RuntimeException e) {
                // cancelled, failed (logged) or still busy after 30 s: the index closes anyway
            }
        }
        indexing.close();
    }

    /**
     * When a community's index is opened: an index with another number of acts than the database
     * was lost (empty) or missed changes (e.g. the process ended in the middle of an import's
     * batch), or one built with an older analysis ({@link DocAnalyzer#VERSION}, e.g. before
     * out-of-dictionary words were stemmed): rebuild it.
     */
    long rebuildIfOutOfStep() {
        return indexing.rebuildIfOutOfStep();
    }

    /** At start: see {@link ActIndexing#renormalizeNumbers()}. */
    int renormalizeNumbers() {
        return indexing.renormalizeNumbers();
    }

    @Override
    public <T> T inBatch(java.util.function.Supplier<T> work) {
        return indexing.current().batch(work);
    }

    // ---------------------------------------------------------------- registry

    private final KindCatalogue catalogue = new KindCatalogue();

    @Override
    public List<ActKind> kinds() {
        return catalogue.kinds(communities.current().id(), this::readKinds);
    }

    private Map<String, String> kindNames() {
        return catalogue.names(communities.current().id(), this::readKinds);
    }

    /**
     * The current community's catalogue; one with none yet gets the shipped kinds at its first use
     * (read again after the seed either way: another node may have seeded it meanwhile, and an empty
     * catalogue must not be held).
     */
    private List<ActKind> readKinds() {
        List<ActKind> k = read(store::kinds);
        if (!k.isEmpty()) {
            return k;
        }
        write(store::seedKinds);
        return read(store::kinds);
    }

    /** The current community's catalogue changed in the database (docsearch.act-kind): read it again at its next use. */
    void forgetKinds() {
        catalogue.forget(communities.current().id());
    }

    @Override
    public List<String> issuingBodies() {
        return read(store::issuingBodies);
    }

    @Override
    public long count() {
        return read(store::count);
    }

    @Override
    public Optional<LegalAct> find(long id) {
        return read(c -> store.find(c, id));
    }

    @Override
    public Optional<FileUpload> fileContent(long fileId) {
        return read(c -> store.fileContent(c, fileId));
    }

    @Override
    public LegalAct create(ActDraft draft, List<FileUpload> files, PortalUser user) {
        requireEdit(user);
        List<StoredFile> prepared = this.files.prepare(files, checks.draftErrors(draft, LocalDate.now(clock.get())));
        Instant now = clock.get().instant();
        List<LinkStatuses.StatusChange> statusChanges = new ArrayList<>();
        long id = write(c -> {
            checks.linksAndDuplicate(c, draft, null);
            long newId = store.insertAct(c, draft, ActNumbers.normalize(draft.number()), now);
            replaceTagsAndLinks(c, newId, draft);
            for (StoredFile f : prepared) {
                store.insertFile(c, newId, f, now);
            }
            statusChanges.addAll(links.apply(c, store.linkTargets(c, newId), now));
            LegalAct saved = store.find(c, newId).orElseThrow();
            record(c, user, newId, "create", ActAuditTexts.describe(saved)
                    + (prepared.isEmpty() ? "" : "; files: " + ActAuditTexts.fileNames(prepared)));
            recordStatusChanges(c, user, statusChanges);
            return newId;
        });
        queueScans(id, prepared);
        return indexed(id, statusChanges);
    }

    @Override
    public LegalAct update(long id, long version, ActDraft draft, PortalUser user) {
        requireEdit(user);
        ActValidator.throwIfAny(checks.draftErrors(draft, LocalDate.now(clock.get())));
        LegalAct before = find(id).orElseThrow(() -> new NoSuchElementException("act " + id));
        Instant now = clock.get().instant();
        List<LinkStatuses.StatusChange> statusChanges = new ArrayList<>();
        write(c -> {
            ActChecks.lockAt(c, id, version);
            checks.linksAndDuplicate(c, draft, id);
            Set<Long> targets = new LinkedHashSet<>(store.linkTargets(c, id));
            store.updateAct(c, id, version, draft, ActNumbers.normalize(draft.number()), now);
            replaceTagsAndLinks(c, id, draft);
            targets.addAll(store.linkTargets(c, id));
            statusChanges.addAll(links.apply(c, targets, now));
            record(c, user, id, "update", ActAuditTexts.changes(before, store.find(c, id).orElseThrow()));
            recordStatusChanges(c, user, statusChanges);
            return null;
        });
        return indexed(id, statusChanges);
    }

    private void replaceTagsAndLinks(Connection c, long id, ActDraft draft) throws SQLException {
        store.replaceTags(c, id, ActValidator.cleanTags(draft.tags()));
        store.replaceLinks(c, id, draft.links());
    }

    /** After the commit: the act and the acts whose status it changed into the index; the act as stored. */
    private LegalAct indexed(long id, List<LinkStatuses.StatusChange> statusChanges) {
        reindexOne(id);
        reindexStatusChanges(statusChanges);
        return find(id).orElseThrow();
    }

    @Override
    public LegalAct addFiles(long id, long version, List<FileUpload> files, PortalUser user) {
        requireEdit(user);
        List<StoredFile> prepared = this.files.prepare(files, new LinkedHashMap<>());
        Instant now = clock.get().instant();
        write(c -> {
            ActChecks.lockAt(c, id, version);
            for (StoredFile f : prepared) {
                store.insertFile(c, id, f, now);
            }
            store.touch(c, id, now);
            record(c, user, id, "add-files", ActAuditTexts.fileNames(prepared));
            return null;
        });
        queueScans(id, prepared);
        reindexOne(id);
        return find(id).orElseThrow();
    }

    /** After the commit: scanned PDFs among the act's new files are read in the background. */
    private void queueScans(long id, List<StoredFile> prepared) {
        if (prepared.stream().anyMatch(f -> f.status() == ExtractionStatus.OCR_QUEUED)) {
            scans.queue(id);
        }
    }

    @Override
    public void removeFile(long actId, long fileId, PortalUser user) {
        requireEdit(user);
        Instant now = clock.get().instant();
        write(c -> {
            String name = store.deleteFile(c, actId, fileId)
                    .orElseThrow(() -> new NoSuchElementException("file " + fileId + " of act " + actId));
            store.touch(c, actId, now);
            record(c, user, actId, "remove-file", name + " (#" + fileId + ")");
            return null;
        });
        reindexOne(actId);
    }

    @Override
    public void delete(long id, PortalUser user) {
        requireEdit(user);
        LegalAct before = find(id).orElseThrow(() -> new NoSuchElementException("act " + id));
        Instant now = clock.get().instant();
        List<LinkStatuses.StatusChange> statusChanges = write(c -> {
            Set<Long> targets = store.linkTargets(c, id);
            store.deleteAct(c, id);
            List<LinkStatuses.StatusChange> changes = links.apply(c, targets, now);
            record(c, user, id, "delete", ActAuditTexts.describe(before));
            recordStatusChanges(c, user, changes);
            return changes;
        });
        indexing.current().delete(id);
        reindexStatusChanges(statusChanges);
    }

    private void requireEdit(PortalUser user) {
        if (!canEdit(user)) {
            throw DocsearchException.forbidden();
        }
    }

    /** In the change's transaction: the linked acts whose status it changed get their audit entries. */
    private void recordStatusChanges(Connection c, PortalUser user, List<LinkStatuses.StatusChange> changes)
            throws SQLException {
        for (LinkStatuses.StatusChange ch : changes) {
            record(c, user, ch.actId(), "status-from-link", "status: " + ch.from() + " → " + ch.to() + " ("
                    + ch.reason() + ")");
        }
    }

    /** After the commit: the linked acts' new statuses go into the index. */
    private void reindexStatusChanges(List<LinkStatuses.StatusChange> changes) {
        changes.forEach(ch -> reindexOne(ch.actId()));
    }

    @Override
    public Set<String> requiredFields() {
        return ActValidator.REQUIRED;
    }

    @Override
    public List<String> acceptedFileTypes() {
        return ua.hromada.docsearch.service.extract.FileFormat.acceptedExtensions();
    }

    @Override
    public long maxFileBytes() {
        return files.maxFileBytes();
    }

    // ---------------------------------------------------------------- search

    @Override
    public SearchResult search(SearchQuery query) {
        long start = System.nanoTime();
        IndexHit.Page page = indexing.current().search(query == null ? SearchQuery.text("") : query);
        return results.of(page, kindNames(), (System.nanoTime() - start) / 1_000_000);
    }

    @Override
    public List<String> typedDates(String text) {
        return TypedDates.parse(text).dates();
    }

    @Override
    public long reindex(JobProgress progress) {
        return indexing.reindex(progress);
    }

    /** After a commit: the act as now stored goes into the index. */
    void reindexOne(long id) {
        indexing.reindexOne(id);
    }

    // ---------------------------------------------------------------- audit texts

    /** On the change's connection: a failed entry rolls the change back, a crash loses neither. */
    private void record(Connection c, PortalUser user, long id, String action, String changes) throws SQLException {
        audit.record(c, user.username(), MODULE, ENTITY, Long.toString(id), action,
                changes.length() > 2000 ? changes.substring(0, 2000) : changes);
    }

    // ---------------------------------------------------------------- JDBC (portal-api Transactions)

    /** Reads run in a transaction too: one snapshot of an act and its files, a cursor for the reindex stream. */
    private <T> T read(Transactions.Work<T> work) {
        return Transactions.tx(dataSource, MODULE, work);
    }

    private <T> T write(Transactions.Work<T> work) {
        return Transactions.tx(dataSource, MODULE, work);
    }
}
