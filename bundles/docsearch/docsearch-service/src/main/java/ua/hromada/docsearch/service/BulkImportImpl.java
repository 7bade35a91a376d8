package ua.hromada.docsearch.service;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.commons.csv.CSVRecord;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ua.hromada.docsearch.api.ActDraft;
import ua.hromada.docsearch.api.ActKind;
import ua.hromada.docsearch.api.ActStatus;
import ua.hromada.docsearch.api.BulkImport;
import ua.hromada.docsearch.api.BulkImport.ImportLimits;
import ua.hromada.docsearch.api.DocsearchException;
import ua.hromada.docsearch.api.DocsearchPermissions;
import ua.hromada.docsearch.api.DuplicateActException;
import ua.hromada.docsearch.api.FileUpload;
import ua.hromada.docsearch.api.LegalAct;
import ua.hromada.docsearch.api.LegalActRegistry;
import ua.hromada.docsearch.api.ValidationException;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.community.Communities;
import ua.hromada.portal.api.jobs.JobProgress;

/**
 * ZIP import: {@code metadata.csv} (UTF-8, header row: file, kind, number, date, title,
 * issuing_body, status, convocation, session, tags; separated by ';' or ',' — see
 * {@link MetadataCsv}) next to the files. Each row is one act created through the registry
 * (validated, one transaction); a bad row is reported and skipped, a row whose act is already
 * registered is refused as a duplicate (a second run of the same archive adds nothing). One import
 * at a time per community (into its register): a second one started meanwhile is refused.
 */
@Component(service = BulkImport.class, configurationPid = DocsearchConfig.PID)
public class BulkImportImpl implements BulkImport {
    private static final Logger LOG = LoggerFactory.getLogger(BulkImportImpl.class);
    static final String CSV_NAME = "metadata.csv";
    private static final Map<String, ActStatus> STATUS_WORDS = Map.of(
            "чинний", ActStatus.IN_FORCE, "діючий", ActStatus.IN_FORCE,
            "змінено", ActStatus.AMENDED, "зі змінами", ActStatus.AMENDED,
            "зупинено", ActStatus.SUSPENDED, "призупинено", ActStatus.SUSPENDED,
            "втратив чинність", ActStatus.LOST_FORCE, "скасовано", ActStatus.LOST_FORCE);

    private final LegalActRegistry registry;
    private final Communities communities;
    private final ImportLimits limits;
    /** By community id: one import into a register at a time; other communities' imports run meanwhile. */
    private final Map<String, ReentrantLock> running = new ConcurrentHashMap<>();

    @Activate
    public BulkImportImpl(@Reference LegalActRegistry registry, @Reference Communities communities,
            DocsearchConfig config) {
        this(registry, communities, ImportLimitsConfig.of(config));
    }

    BulkImportImpl(LegalActRegistry registry, Communities communities, ImportLimits limits) {
        this.registry = registry;
        this.communities = communities;
        this.limits = limits;
    }

    /** With the default limits (tests). */
    BulkImportImpl(LegalActRegistry registry, Communities communities) {
        this(registry, communities, ImportLimitsConfig.defaults());
    }

    private ReentrantLock lock() {
        return running.computeIfAbsent(communities.current().id(), id -> new ReentrantLock());
    }

    @Override
    public ImportLimits limits() {
        return limits;
    }

    @Override
    public boolean running() {
        return lock().isLocked();
    }

    @Override
    public ImportReport importZip(InputStream zip, JobProgress progress, PortalUser user) {
        // refused before a byte is read; each row's create checks it again
        if (!DocsearchPermissions.canEdit(user)) {
            throw DocsearchException.forbidden();
        }
        // two imports of one archive at once (two clicks, two tabs) would race to create the same acts
        ReentrantLock lock = lock();
        if (!lock.tryLock()) {
            throw new ValidationException(Map.of("file", MessageKeys.IMPORT_RUNNING));
        }
        try {
            return importNow(zip, progress == null ? JobProgress.NONE : progress, user);
        } finally {
            lock.unlock();
        }
    }

    private ImportReport importNow(InputStream zip, JobProgress p, PortalUser user) {
        // every limit is checked while unpacking, before the first row is saved
        try (UnpackedZip entries = UnpackedZip.unpack(zip, limits)) {
            Path csv = entries.files().entrySet().stream().filter(e -> baseName(e.getKey()).equalsIgnoreCase(CSV_NAME))
                    .map(Map.Entry::getValue).findFirst()
                    .orElseThrow(() -> new ValidationException(Map.of("file", MessageKeys.IMPORT_NO_CSV)));
            List<CSVRecord> records = MetadataCsv.read(csv).records();
            List<ActKind> kinds = registry.kinds();
            // the index is committed once per batch, not per row
            return registry.inBatch(() -> importRows(records, entries, kinds, p, user));
        }
    }

    private ImportReport importRows(List<CSVRecord> records, UnpackedZip files, List<ActKind> kinds,
            JobProgress p, PortalUser user) {
        List<RowResult> results = new ArrayList<>();
        int created = 0;
        p.update(0, records.size());
        for (int i = 0; i < records.size(); i++) {
            if (p.cancelled()) {
                break;
            }
            CSVRecord r = records.get(i);
            int row = i + 2; // the header is line 1
            String fileColumn = get(r, "file");
            RowResult result = importRow(r, row, fileColumn, files, kinds, user);
            results.add(result);
            if (result.ok()) {
                created++;
            }
            p.update(i + 1, records.size());
        }
        return new ImportReport(results.size(), created, results.size() - created, List.copyOf(results));
    }

    private RowResult importRow(CSVRecord r, int row, String fileColumn, UnpackedZip files, List<ActKind> kinds,
            PortalUser user) {
        try {
            List<FileUpload> uploads = new ArrayList<>();
            for (String name : split(fileColumn, ";")) {
                Optional<Path> file = files.find(name);
                if (file.isEmpty()) {
                    return fail(row, fileColumn, MessageKeys.IMPORT_FILE_MISSING, name);
                }
                // one row's files in memory at a time, each within the file limit
                uploads.add(new FileUpload(baseName(name), Files.readAllBytes(file.get())));
            }
            String kindText = get(r, "kind");
            Optional<String> kind = kinds.stream().filter(k -> k.code().equalsIgnoreCase(kindText)
                    || k.name().equalsIgnoreCase(kindText)).map(ActKind::code).findFirst();
            if (kind.isEmpty()) {
                return fail(row, fileColumn, MessageKeys.IMPORT_KIND, kindText);
            }
            String dateText = get(r, "date");
            var date = ActNumbers.parseDate(dateText);
            if (date.isEmpty() && !dateText.isEmpty()) {
                return fail(row, fileColumn, MessageKeys.IMPORT_DATE, dateText);
            }
            ActStatus status = null; // none given: the register's default (ActDraft)
            String statusText = get(r, "status");
            if (!statusText.isEmpty()) {
                status = parseStatus(statusText);
                if (status == null) {
                    return fail(row, fileColumn, MessageKeys.IMPORT_STATUS, statusText);
                }
            }
            Integer convocation;
            Integer session;
            try {
                convocation = integer(get(r, "convocation"));
            } catch (NumberFormatException e) {
                return fail(row, fileColumn, MessageKeys.IMPORT_INTEGER, "convocation");
            }
            try {
                session = integer(get(r, "session"));
            } catch (NumberFormatException e) {
                return fail(row, fileColumn, MessageKeys.IMPORT_INTEGER, "session");
            }
            Set<String> tags = new LinkedHashSet<>(split(get(r, "tags"), "[;,]"));
            ActDraft draft = new ActDraft(kind.get(), get(r, "number"), date.orElse(null), get(r, "title"),
                    emptyToNull(get(r, "issuing_body")), convocation, session, status, tags, List.of());
            LegalAct act = registry.create(draft, uploads, user);
            return new RowResult(row, fileColumn, true, act.id(), null, null);
        } catch (DuplicateActException e) {
            // already registered (an earlier run of this archive, or the form): leads to that act
            return new RowResult(row, fileColumn, false, e.existingActId(), MessageKeys.IMPORT_DUPLICATE,
                    String.valueOf(e.args()[0]), texts(e.args()));
        } catch (ValidationException e) {
            Map.Entry<String, String> first = e.fieldErrors().entrySet().iterator().next();
            Object[] args = e.args(first.getKey());
            return args.length == 0 ? fail(row, fileColumn, first.getValue(), first.getKey())
                    : new RowResult(row, fileColumn, false, null, first.getValue(), String.valueOf(args[0]), texts(args));
        } catch (IOException | RuntimeException e) {
            LOG.warn("Import row {} failed", row, e);
            return fail(row, fileColumn, MessageKeys.IMPORT_FAILED, e.getMessage());
        }
    }

    private static List<String> texts(Object[] args) {
        return java.util.Arrays.stream(args).map(String::valueOf).toList();
    }

    private static RowResult fail(int row, String file, String key, String detail) {
        return new RowResult(row, file, false, null, key, detail);
    }

    static ActStatus parseStatus(String s) {
        String t = s.strip().toLowerCase(new Locale("uk"));
        for (ActStatus st : ActStatus.values()) {
            if (st.name().equalsIgnoreCase(t)) {
                return st;
            }
        }
        return STATUS_WORDS.get(t);
    }

    private static Integer integer(String s) {
        return s.isEmpty() ? null : Integer.valueOf(s);
    }

    private static String get(CSVRecord r, String column) {
        if (!r.isMapped(column) || !r.isSet(column)) {
            return "";
        }
        String v = r.get(column);
        return v == null ? "" : v.strip();
    }

    /** A cell's several values: files separated by ';', tags (like the form's) by ';' or ','. */
    private static List<String> split(String s, String separators) {
        List<String> out = new ArrayList<>();
        for (String part : s.split(separators)) {
            if (!part.isBlank()) {
                out.add(part.strip());
            }
        }
        return out;
    }

    private static String emptyToNull(String s) {
        return s.isEmpty() ? null : s;
    }

    static String baseName(String path) {
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return slash >= 0 ? path.substring(slash + 1) : path;
    }
}
