package ua.hromada.opendata.service;

import static ua.hromada.portal.api.PortalException.Reason.INVALID;

import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.opendata.api.Dataset;
import ua.hromada.opendata.api.OpendataException;
import ua.hromada.opendata.api.RegistryTransfer;
import ua.hromada.portal.api.PortalUser;

/**
 * Import of a registry from CSV/XLSX with a preview (every row checked by {@link ImportRows},
 * nothing saved), the commit of the rows without errors in one transaction, and the export of
 * managers, datasets and resources ({@link RegistryExport}). Previews wait in memory for {@link #PREVIEW_TTL}, one use each.
 */
@Component(service = RegistryTransfer.class)
public class RegistryTransferImpl implements RegistryTransfer {
    static final Duration PREVIEW_TTL = Duration.ofMinutes(30);
    private static final int MAX_PREVIEWS = 100;

    private final DatasetRegistryImpl registry;
    private final Clock clock;
    private final ImportRows rows = new ImportRows();
    /** Parsed previews by token, waiting for their commit. */
    private final Map<String, Pending> previews = new ConcurrentHashMap<>();

    @Activate
    public RegistryTransferImpl(@Reference DatasetRegistryImpl registry) {
        this(registry, Clock.systemUTC());
    }

    RegistryTransferImpl(DatasetRegistryImpl registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    /** A row as it will be saved: the dataset (manager id 0 when its manager is created from the file). */
    private record Planned(int rowNumber, Dataset dataset, String newManagerKey, boolean valid) {
    }

    /** @param community the community the file was read for: its ids and managers are that community's */
    private record Pending(String actor, String community, Instant expires, String fileName, List<Planned> rows,
            ImportManagers managers) {
    }

    private String community() {
        return registry.database().community();
    }

    // =================================================================== preview

    @Override
    public long maxImportBytes() {
        return registry.settings().maxImportBytes();
    }

    @Override
    public ImportPreview preview(PortalUser actor, String fileName, byte[] content) {
        Access.requireEdit(actor);
        String name = fileName == null || fileName.isBlank() ? "import" : fileName.strip();
        if (content == null || content.length == 0) {
            throw new OpendataException(INVALID, "opendata.error.emptyFile", name);
        }
        if (content.length > maxImportBytes()) {
            throw new OpendataException(INVALID, "opendata.error.uploadTooLarge", name, maxImportBytes() / (1024 * 1024));
        }
        Map<String, Tables.Table> tables;
        try {
            tables = Tables.read(name, content);
        } catch (Tables.TooLarge e) {
            throw new OpendataException(INVALID, "opendata.error.import.unpacksTooLarge", name,
                    Tables.MAX_UNPACKED / (1024 * 1024), Tables.MAX_RATIO);
        } catch (Tables.NotATable e) {
            throw new OpendataException(INVALID, "opendata.error.import.unreadable", name, e.getMessage());
        }
        Tables.Table datasets = ImportRows.datasetTable(tables);
        Map<Column, Integer> columns = ImportRows.columns(datasets.headers());
        if (!columns.containsKey(Column.IDENTIFIER) || !columns.containsKey(Column.TITLE)) {
            throw new OpendataException(INVALID, "opendata.error.import.noHeader", Column.IDENTIFIER.header,
                    Column.TITLE.header);
        }
        List<ImportRow> shown = new ArrayList<>();
        List<Planned> planned = new ArrayList<>();
        ImportManagers managers = registry.database().read(c -> {
            ImportRows.Known known = ImportRows.Known.load(registry, c);
            ImportManagers m = new ImportManagers(known.byEdrpou(), known.byName());
            m.readTable(tables);
            Map<String, Integer> seen = new HashMap<>();
            for (Tables.Line line : datasets.lines()) {
                if (ImportRows.blank(line)) {
                    continue;
                }
                ImportRows.RowCheck r = rows.check(line, columns, known, seen, m);
                planned.add(new Planned(line.number(), r.dataset, r.newManagerKey, r.errors.isEmpty()));
                shown.add(new ImportRow(line.number(), r.dataset.identifier(), r.dataset.title(), r.managerName,
                        r.dataset.id() == 0, List.copyOf(r.errors)));
            }
            return m;
        });
        if (shown.isEmpty()) {
            throw new OpendataException(INVALID, "opendata.error.import.noRows");
        }
        String token = UUID.randomUUID().toString();
        expire();
        previews.put(token, new Pending(actor.username(), community(), clock.instant().plus(PREVIEW_TTL), name,
                List.copyOf(planned), managers));
        return new ImportPreview(token, name, List.copyOf(shown), managers.announced());
    }

    private void expire() {
        Instant now = clock.instant();
        previews.values().removeIf(p -> p.expires().isBefore(now));
        while (previews.size() >= MAX_PREVIEWS) {
            previews.entrySet().stream().min(Comparator.comparing(e -> e.getValue().expires()))
                    .ifPresent(e -> previews.remove(e.getKey()));
        }
    }

    // =================================================================== commit

    @Override
    public ImportResult commit(PortalUser actor, ImportPreview preview) {
        Access.requireEdit(actor);
        Pending pending = preview == null ? null : previews.get(preview.token());
        if (pending == null || !pending.actor().equals(actor.username()) || pending.expires().isBefore(clock.instant())
                || !pending.community().equals(community()) || !previews.remove(preview.token(), pending)) {
            throw new OpendataException(INVALID, "opendata.error.import.expired");
        }
        // created, updated, skipped with errors, unchanged, managers created
        int[] counts = new int[5];
        registry.changes().write(c -> {
            ImportManagers.Created managers = pending.managers().create(c, registry);
            counts[4] = managers.fresh().size();
            for (Planned row : pending.rows()) {
                if (!row.valid()) {
                    counts[2]++;
                    continue;
                }
                Dataset d = row.dataset();
                if (row.newManagerKey() != null) {
                    d = d.withIdAndManager(d.id(), managers.ids().get(row.newManagerKey()));
                }
                Optional<Dataset> existing = registry.datasetStore().datasetByIdentifier(c, d.identifier());
                d = d.withIdAndManager(existing.map(Dataset::id).orElse(0L), d.managerId());
                DatasetRegistryImpl.throwFirst(Rules.check(d));
                Optional<Problem> conflict = registry.datasetStore().datasetConflict(c, d);
                if (conflict.isPresent()) {
                    throw conflict.get().exception();
                }
                Dataset written = registry.datasetStore().writeDataset(c, d, null, false);
                if (existing.isEmpty()) {
                    counts[0]++;
                } else if (written.version() == existing.get().version()) {
                    counts[3]++;
                } else {
                    counts[1]++;
                }
            }
            registry.changes().entry(c, actor, "registry-import", 0, "import", pending.fileName() + ": створено "
                    + counts[0] + ", оновлено " + counts[1] + ", без змін " + counts[3] + ", пропущено з помилками "
                    + counts[2] + ", нових розпорядників " + counts[4]);
            return null;
        });
        return new ImportResult(counts[0], counts[1], counts[2], counts[3], counts[4]);
    }

    // =================================================================== export

    @Override
    public void export(PortalUser actor, Format format, OutputStream out) {
        Access.requireView(actor);
        new RegistryExport(registry).write(format, out);
    }
}
