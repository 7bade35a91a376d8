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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

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
import ua.hromada.docsearch.api.DuplicateActException;
import ua.hromada.docsearch.api.ExtractionStatus;
import ua.hromada.docsearch.api.FileUpload;
import ua.hromada.docsearch.api.LegalAct;
import ua.hromada.docsearch.api.LegalActRegistry;
import ua.hromada.docsearch.api.LegalActSearch;
import ua.hromada.docsearch.api.SearchQuery;
import ua.hromada.docsearch.api.SearchResult;
import ua.hromada.docsearch.api.ValidationException;
import ua.hromada.docsearch.service.index.ActIndex;
import ua.hromada.docsearch.service.index.CommunityIndexes;
import ua.hromada.docsearch.service.index.DocAnalyzer;
import ua.hromada.docsearch.service.index.IndexHit;
import ua.hromada.docsearch.service.index.IndexedAct;
import ua.hromada.docsearch.service.store.ActStore;
import ua.hromada.docsearch.service.store.StoredFile;
import ua.hromada.portal.api.MessageBundle;
import ua.hromada.portal.api.PortalSettings;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.SchemaMigrations;
import ua.hromada.portal.api.audit.AuditLog;
import ua.hromada.portal.api.calendar.DisplayFormats;
import ua.hromada.portal.api.community.Communities;
import ua.hromada.portal.api.community.Community;
import ua.hromada.portal.api.jdbc.CommunityData;
import ua.hromada.portal.api.jdbc.Transactions;
import ua.hromada.portal.api.jdbc.Versioned;
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
    private final CommunityIndexes indexes;
    private final SearchResults results = new SearchResults(
            MessageBundle.of("i18n.docsearch-service", LegalActRegistryImpl.class.getClassLoader()));
    /** The index check at start (pool {@code docsearch.index}); null where nothing was started. */
    private volatile Job<Void> startup;
    /** Where a lost index is rebuilt (pool {@code docsearch.index}); null in tests: rebuilt in the caller. */
    private volatile Jobs jobs;
    /** Communities whose lost index is being rebuilt, so one rebuild is queued, not one per search. */
    private final Set<String> rebuildingLost = ConcurrentHashMap.newKeySet();

    @Activate
    public LegalActRegistryImpl(@Reference(target = CommunityData.TARGET) DataSource dataSource,
            @Reference Communities communities, @Reference SchemaMigrations migrations, @Reference AuditLog audit,
            @Reference PortalSettings settings, @Reference Jobs jobs, BundleContext context, DocsearchConfig config) {
        // "now" and "today" (a date in the future is refused) in the community's time zone
        this(migrate(migrations, context, dataSource), communities, audit, settings::clock,
                indexDir(config.index_dir()), Math.max(1, config.max_file_size_mb()) * 1024L * 1024L,
                ScanRecognition.Setup.of(config, jobs));
        this.jobs = jobs;
        startup = jobs.submit("docsearch.index", "check index at start", progress -> {
            checkAtStart(progress);
            return null;
        });
    }

    LegalActRegistryImpl(DataSource dataSource, Communities communities, AuditLog audit, Clock clock, Path indexDir,
            long maxFileBytes) {
        this(dataSource, communities, audit, () -> clock, indexDir, maxFileBytes, null);
    }

    /** For tests of OCR: {@code ocr} null leaves scans EMPTY as without tesseract. */
    LegalActRegistryImpl(DataSource dataSource, Communities communities, AuditLog audit, Clock clock, Path indexDir,
            long maxFileBytes, ScanRecognition.Setup ocr) {
        this(dataSource, communities, audit, () -> clock, indexDir, maxFileBytes, ocr);
    }

    private LegalActRegistryImpl(DataSource dataSource, Communities communities, AuditLog audit,
            Supplier<Clock> clock, Path indexDir, long maxFileBytes, ScanRecognition.Setup ocr) {
        this.dataSource = dataSource;
        this.communities = communities;
        this.audit = audit;
        this.clock = clock;
        this.scans = new ScanRecognition(ocr, dataSource, audit, this::reindexOne);
        this.files = new ActFiles(maxFileBytes, scans.enabled());
        this.indexes = new CommunityIndexes(indexDir);
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
                    index();
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

    /** The current community's index, opened (and brought in step with the database) at its first use. */
    private ActIndex index() {
        String community = communities.current().id();
        ActIndex index = indexes.of(community, this::rebuildIfOutOfStep);
        if (index.lost() && rebuildingLost.add(community)) {
            // searches go on meanwhile over the files the index still holds open
            Runnable rebuild = () -> communities.runAs(community, () -> {
                try {
                    LOG.warn("The document index of community {} was lost (folder deleted or a write failed): "
                            + "rebuilding it from the database", community);
                    reindex(index, JobProgress.NONE);
                } finally {
                    rebuildingLost.remove(community);
                }
            });
            Jobs background = jobs;
            if (background == null) {
                rebuild.run();
            } else {
                background.submit("docsearch.index", "rebuild lost index", progress -> {
                    rebuild.run();
                    return null;
                });
            }
        }
        return index;
    }

    private static DataSource migrate(SchemaMigrations migrations, BundleContext context, DataSource ds) {
        migrations.migrate(context.getBundle(), "docsearch", "db/migration/docsearch");
        return ds;
    }

    static Path indexDir(String configured) {
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured.strip());
        }
        String data = System.getProperty("karaf.data");
        return Path.of(data == null || data.isBlank() ? System.getProperty("java.io.tmpdir") : data, "docsearch-index");
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
        indexes.close();
    }

    /**
     * When a community's index is opened: an index with another number of acts than the database
     * was lost (empty) or missed changes (e.g. the process ended in the middle of an import's
     * batch), or one built with an older analysis ({@link DocAnalyzer#VERSION}, e.g. before
     * out-of-dictionary words were stemmed): rebuild it.
     */
    long rebuildIfOutOfStep() {
        return rebuildIfOutOfStep(index());
    }

    private long rebuildIfOutOfStep(ActIndex index) {
        long acts = count();
        int indexed = index.docCount();
        if (acts != indexed) {
            LOG.info("The document index of community {} has {} acts, the database {}: rebuilding",
                    communities.current().id(), indexed, acts);
            return reindex(JobProgress.NONE);
        }
        if (!index.analysisCurrent()) {
            LOG.info("The document index of community {} was built with an older analysis: rebuilding",
                    communities.current().id());
            return reindex(JobProgress.NONE);
        }
        return 0;
    }

    /**
     * At start: numbers stored under an older normalisation (e.g. "№ ЦП-2026" before numbers that
     * begin with letters were recognised) get today's, so the exact lookup finds them; their acts
     * are indexed again.
     *
     * @return how many acts changed
     */
    int renormalizeNumbers() {
        List<Long> changed = write(c -> {
            List<Long> ids = new ArrayList<>();
            for (String[] row : store.numbers(c)) {
                String now = ActNumbers.normalize(row[1]);
                if (!now.isEmpty() && !now.equals(row[2])) {
                    long id = Long.parseLong(row[0]);
                    store.setNormalizedNumber(c, id, now);
                    ids.add(id);
                }
            }
            return ids;
        });
        if (!changed.isEmpty()) {
            LOG.info("Normalised the numbers of {} acts again (the rules changed); indexing them", changed.size());
            index().batch(() -> {
                changed.forEach(this::reindexOne);
                return null;
            });
        }
        return changed.size();
    }

    @Override
    public <T> T inBatch(java.util.function.Supplier<T> work) {
        return index().batch(work);
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
        List<StoredFile> prepared = this.files.prepare(files, draftErrors(draft));
        Instant now = clock.get().instant();
        List<LinkStatuses.StatusChange> statusChanges = new ArrayList<>();
        long id = write(c -> {
            checkLinksAndDuplicate(c, draft, null);
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
        ActValidator.throwIfAny(draftErrors(draft));
        LegalAct before = find(id).orElseThrow(() -> new NoSuchElementException("act " + id));
        Instant now = clock.get().instant();
        List<LinkStatuses.StatusChange> statusChanges = new ArrayList<>();
        write(c -> {
            lockAt(c, id, version);
            checkLinksAndDuplicate(c, draft, id);
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

    private void checkLinksAndDuplicate(Connection c, ActDraft draft, Long self) throws SQLException {
        checkLinks(c, self, draft.links());
        refuseDuplicate(c, draft, self);
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
            lockAt(c, id, version);
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
        index().delete(id);
        reindexStatusChanges(statusChanges);
    }

    /** The row is locked at the version the form loaded: a later save over it is refused. */
    private static void lockAt(Connection c, long id, long version) throws SQLException {
        if (!Versioned.lock(c, ActStore.ACT_TABLE, id, version)) {
            throw new NoSuchElementException("act " + id);
        }
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

    private Map<String, String> draftErrors(ActDraft draft) {
        Set<String> codes = kinds().stream().map(ActKind::code).collect(Collectors.toSet());
        if (draft != null && draft.kindCode() != null && !codes.contains(draft.kindCode())) {
            catalogue.forget(communities.current().id()); // a kind added since: look again
            codes = kinds().stream().map(ActKind::code).collect(Collectors.toSet());
        }
        return ActValidator.check(draft, codes, LocalDate.now(clock.get()));
    }

    /**
     * A register holds each act once: another act of the same kind with the same number and date
     * refuses the save, naming that act. The advisory lock makes concurrent saves of one key take
     * turns, so two imports of the same archive cannot both insert it.
     */
    private void refuseDuplicate(Connection c, ActDraft draft, Long self) throws SQLException {
        String normalized = ActNumbers.normalize(draft.number());
        store.lockNumber(c, draft.kindCode(), normalized, draft.date());
        Optional<ActStore.Existing> same = store.findSame(c, draft.kindCode(), normalized, draft.date(), self);
        if (same.isPresent()) {
            ActStore.Existing e = same.get();
            throw new DuplicateActException(e.id(), e.number(), DisplayFormats.DATE.format(e.date()), e.title());
        }
    }


    private void checkLinks(Connection c, Long self, List<ActDraft.Link> links) throws SQLException {
        if (links == null) {
            return;
        }
        for (ActDraft.Link link : links) {
            if (link == null || link.type() == null) {
                throw new ValidationException(Map.of("links", MessageKeys.LINK_UNKNOWN));
            }
            if (self != null && link.targetActId() == self) {
                throw new ValidationException(Map.of("links", MessageKeys.LINK_SELF));
            }
            if (!store.exists(c, link.targetActId())) {
                throw new ValidationException(Map.of("links", MessageKeys.LINK_UNKNOWN));
            }
        }
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
        IndexHit.Page page = index().search(query == null ? SearchQuery.text("") : query);
        return results.of(page, kindNames(), (System.nanoTime() - start) / 1_000_000);
    }

    @Override
    public List<String> typedDates(String text) {
        return TypedDates.parse(text).dates();
    }

    @Override
    public long reindex(JobProgress progress) {
        return reindex(index(), progress);
    }

    private long reindex(ActIndex index, JobProgress progress) {
        JobProgress p = progress == null ? JobProgress.NONE : progress;
        long total = count();
        long done = index.rebuild(sink -> read(c -> {
            store.forEachForIndex(c, sink);
            return null;
        }), total, id -> read(c -> store.forIndex(c, id)), p);
        return done;
    }

    /** After a commit: the act as now stored goes into the index. */
    void reindexOne(long id) {
        try {
            Optional<IndexedAct> act = read(c -> store.forIndex(c, id));
            ActIndex index = index();
            if (act.isPresent()) {
                index.upsert(act.get());
            } else {
                index.delete(id);
            }
        } catch (RuntimeException e) {
            // the database is the truth; the index catches up with docsearch:reindex
            LOG.error("Act {} is saved but could not be indexed; run docsearch:reindex", id, e);
        }
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
