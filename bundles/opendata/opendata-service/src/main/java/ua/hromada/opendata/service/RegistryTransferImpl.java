package ua.hromada.opendata.service;

import static ua.hromada.portal.api.PortalException.Reason.INVALID;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.opendata.api.DataManager;
import ua.hromada.opendata.api.Dataset;
import ua.hromada.opendata.api.Obligation;
import ua.hromada.opendata.api.OpendataException;
import ua.hromada.opendata.api.RegistryTransfer;
import ua.hromada.opendata.api.StructureField;
import ua.hromada.opendata.api.UpdateFrequency;
import ua.hromada.portal.api.PortalUser;

/**
 * Import of a registry from CSV/XLSX with a preview (every row checked, nothing saved), the commit
 * of the rows without errors in one transaction, and the export of managers, datasets and
 * resources ({@link RegistryExport}). Previews wait in memory for {@link #PREVIEW_TTL}, one use each.
 */
@Component(service = RegistryTransfer.class)
public class RegistryTransferImpl implements RegistryTransfer {
    static final Duration PREVIEW_TTL = Duration.ofMinutes(30);
    private static final int MAX_PREVIEWS = 100;
    private static final DateTimeFormatter DOTTED = DateTimeFormatter.ofPattern("d.M.uuuu");
    /** A time of day after a passport date: "10:15", "9:05:30", "10:15:00.000". */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm[:ss][.SSS]");

    private final DatasetRegistryImpl registry;
    private final Clock clock;
    private final Texts texts = new Texts();
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
        Tables.Table datasets = datasetTable(tables);
        Map<Column, Integer> columns = columns(datasets.headers());
        if (!columns.containsKey(Column.IDENTIFIER) || !columns.containsKey(Column.TITLE)) {
            throw new OpendataException(INVALID, "opendata.error.import.noHeader", Column.IDENTIFIER.header,
                    Column.TITLE.header);
        }
        List<ImportRow> shown = new ArrayList<>();
        List<Planned> planned = new ArrayList<>();
        ImportManagers managers = registry.database().read(c -> {
            Known known = Known.load(registry, c);
            ImportManagers m = new ImportManagers(known.byEdrpou(), known.byName());
            m.readTable(tables);
            Map<String, Integer> seen = new HashMap<>();
            for (Tables.Line line : datasets.lines()) {
                if (blank(line)) {
                    continue;
                }
                RowCheck r = check(line, columns, known, seen, m);
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

    private static Tables.Table datasetTable(Map<String, Tables.Table> tables) {
        Tables.Table t = tables.get(Tables.DATASETS_SHEET);
        if (t == null) {
            t = tables.get(Tables.DATASETS_CSV);
        }
        return t != null ? t : tables.values().iterator().next();
    }

    private static Map<Column, Integer> columns(List<String> headers) {
        Map<Column, Integer> out = new EnumMap<>(Column.class);
        for (int i = 0; i < headers.size(); i++) {
            final int index = i;
            Column.byHeader(headers.get(i)).ifPresent(c -> out.putIfAbsent(c, index));
        }
        return out;
    }

    /** What the registry holds now, looked up by the rows. */
    private record Known(Map<String, DataManager> byEdrpou, Map<String, DataManager> byName,
            Map<String, Obligation> obligations, Map<String, Long> identifiers) {

        static Known load(DatasetRegistryImpl registry, Connection c) throws SQLException {
            Map<String, DataManager> byEdrpou = new HashMap<>();
            Map<String, DataManager> byName = new HashMap<>();
            for (DataManager m : registry.managerStore().managers(c)) {
                if (m.edrpou() != null) {
                    byEdrpou.put(m.edrpou(), m);
                }
                byName.put(m.name().toLowerCase(Locale.ROOT), m);
            }
            Map<String, Obligation> obligations = new HashMap<>();
            for (Obligation o : registryObligations(c)) {
                obligations.put(o.code(), o);
            }
            Map<String, Long> identifiers = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT identifier, id FROM opendata.dataset");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    identifiers.put(rs.getString(1), rs.getLong(2));
                }
            }
            return new Known(byEdrpou, byName, obligations, identifiers);
        }

        private static List<Obligation> registryObligations(Connection c) throws SQLException {
            List<Obligation> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, code, title, description, legal_basis FROM opendata.obligation");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Obligation(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
                }
            }
            return out;
        }
    }

    private static final class RowCheck {
        Dataset dataset;
        String managerName;
        String newManagerKey;
        final List<String> errors = new ArrayList<>();
    }

    private RowCheck check(Tables.Line line, Map<Column, Integer> columns, Known known, Map<String, Integer> seen,
            ImportManagers managers) {
        RowCheck r = new RowCheck();
        List<Problem> problems = new ArrayList<>();
        Map<Column, Object> cells = new EnumMap<>(Column.class);
        columns.forEach((col, i) -> cells.put(col, line.cell(i)));

        String identifier = text(cells, Column.IDENTIFIER);
        identifier = identifier == null ? null : identifier.toLowerCase(Locale.ROOT);
        if (identifier != null) {
            Integer first = seen.putIfAbsent(identifier, line.number());
            if (first != null) {
                problems.add(Problem.invalid("opendata.error.import.duplicate", identifier, first));
            }
        }
        UpdateFrequency frequency = null;
        String freqText = text(cells, Column.FREQUENCY);
        if (freqText != null) {
            frequency = UpdateFrequency.parse(freqText).orElse(null);
            if (frequency == null) {
                problems.add(Problem.invalid("opendata.error.import.frequency", freqText, Arrays.stream(UpdateFrequency.values())
                        .map(f -> "«" + f.label() + "»").collect(Collectors.joining(", "))));
            }
        }
        LocalDateTime first = dateTime(cells, Column.FIRST_PUBLISHED, problems);
        LocalDateTime last = dateTime(cells, Column.LAST_MODIFIED, problems);
        LocalDate actuality = date(cells, Column.ACTUALITY, problems);
        boolean published = published(cells, problems);
        Long obligationId = null;
        String obligationCode = text(cells, Column.OBLIGATION);
        if (obligationCode != null) {
            Obligation o = known.obligations().get(obligationCode.toLowerCase(Locale.ROOT));
            if (o == null) {
                problems.add(Problem.invalid("opendata.error.import.obligationUnknown", obligationCode));
            } else {
                obligationId = o.id();
            }
        }
        List<StructureField> structure = structure(text(cells, Column.STRUCTURE), problems);

        // the data manager: by ЄДРПОУ, else by name; created from the file when both are given and valid
        String managerName = text(cells, Column.MANAGER);
        String edrpou = edrpou(cells.get(Column.MANAGER_EDRPOU));
        long managerId = 0;
        if (managerName == null && edrpou == null) {
            problems.add(Problem.invalid("opendata.error.import.managerMissing", Column.MANAGER.header,
                    Column.MANAGER_EDRPOU.header));
        } else if (edrpou != null && !Edrpou.valid(edrpou)) {
            problems.add(Problem.invalid("opendata.error.edrpou", edrpou));
        } else {
            Optional<DataManager> found = managers.known(edrpou, managerName);
            Optional<String> planned = found.isPresent() ? Optional.empty() : managers.planned(edrpou, managerName);
            if (found.isPresent()) {
                DataManager m = found.get();
                if (edrpou != null && m.edrpou() != null && !edrpou.equals(m.edrpou())) {
                    problems.add(Problem.invalid("opendata.error.import.managerMismatch", m.edrpou(), m.name(), managerName));
                } else if (managerName != null && edrpou != null && !m.name().equalsIgnoreCase(managerName)) {
                    problems.add(Problem.invalid("opendata.error.import.managerMismatch", edrpou, m.name(), managerName));
                }
                managerId = m.id();
                managerName = m.name();
            } else if (planned.isPresent()) {
                DataManager m = managers.plannedManager(planned.get());
                if (managerName != null && !m.name().equalsIgnoreCase(managerName)) {
                    problems.add(Problem.invalid("opendata.error.import.managerMismatch", edrpou, m.name(), managerName));
                } else {
                    r.newManagerKey = planned.get();
                    managerName = m.name();
                }
            } else if (managerName != null && edrpou != null) {
                List<Problem> managerProblems = managers.planFromRow(managerName, edrpou);
                problems.addAll(managerProblems);
                if (managerProblems.isEmpty()) {
                    r.newManagerKey = managers.planned(edrpou, managerName).orElseThrow();
                }
            } else {
                problems.add(Problem.invalid("opendata.error.import.managerUnknown", managerName != null ? managerName : edrpou));
            }
        }
        r.managerName = managerName;

        Long existing = identifier == null ? null : known.identifiers().get(identifier);
        Dataset d = Rules.normalize(new Dataset(existing == null ? 0 : existing, identifier, text(cells, Column.TITLE),
                text(cells, Column.DESCRIPTION), text(cells, Column.LANGUAGE), list(cells, Column.FORMATS, true),
                text(cells, Column.COMPRESSION), first, last, actuality, frequency, list(cells, Column.KEYWORDS, true),
                list(cells, Column.LINKS, false), text(cells, Column.RESPONSIBLE), text(cells, Column.EMAIL),
                text(cells, Column.LEGAL_BASIS), text(cells, Column.PURPOSE), managerId, managerName,
                list(cells, Column.TAGS, true), structure, obligationId, published, null, null));
        // the passport rules; an unresolved or new manager is reported above, not as "required"
        Dataset forRules = r.newManagerKey != null || managerId == 0 ? d.withIdAndManager(d.id(), Long.MAX_VALUE) : d;
        for (Problem p : Rules.check(forRules)) {
            if (!(freqText != null && frequency == null && p.key().equals("opendata.error.required")
                    && Passport.FREQUENCY.equals(p.args()[0]))) {
                problems.add(p);
            }
        }
        r.dataset = d;
        for (Problem p : problems) {
            r.errors.add(texts.text(p));
        }
        return r;
    }

    private static boolean blank(Tables.Line line) {
        return line.cells().stream().allMatch(c -> c == null || c.toString().isBlank());
    }

    private static String str(Object cell) {
        return ImportManagers.text(cell);
    }

    private static String text(Map<Column, Object> cells, Column c) {
        return str(cells.get(c));
    }

    private static String edrpou(Object cell) {
        return ImportManagers.edrpou(cell);
    }

    private static List<String> list(Map<Column, Object> cells, Column c, boolean commas) {
        String s = text(cells, c);
        if (s == null) {
            return List.of();
        }
        return Arrays.stream(s.split(commas ? "[;,\\n]" : "[;\\n]")).map(String::strip).filter(x -> !x.isEmpty()).toList();
    }

    private static LocalDate date(Map<Column, Object> cells, Column c, List<Problem> problems) {
        Object cell = cells.get(c);
        if (cell instanceof BigDecimal n) {
            // an Excel serial day number (1900 date system)
            return LocalDate.of(1899, 12, 30).plusDays(n.longValue());
        }
        String s = str(cell);
        if (s == null) {
            return null;
        }
        try {
            if (s.matches("\\d{4}-\\d{2}-\\d{2}([T ].*)?")) {
                return LocalDate.parse(s.substring(0, 10));
            }
            String day = s.split("[ T]")[0];
            return LocalDate.parse(day, DOTTED);
        } catch (DateTimeParseException e) {
            problems.add(Problem.invalid("opendata.error.import.date", c.header, s));
            return null;
        }
    }

    /**
     * A passport date and time as the community's clock shows it: a date as {@link #date} reads it
     * (midnight), optionally followed by a time ("31.12.2025 10:15", "2025-12-31T10:15:00"), or an
     * Excel serial number whose fraction is the time of day.
     */
    private static LocalDateTime dateTime(Map<Column, Object> cells, Column c, List<Problem> problems) {
        Object cell = cells.get(c);
        if (cell instanceof BigDecimal n) {
            BigDecimal day = n.setScale(0, RoundingMode.FLOOR);
            long minutes = n.subtract(day).multiply(BigDecimal.valueOf(24 * 60)).setScale(0, RoundingMode.HALF_UP)
                    .longValue();
            return LocalDate.of(1899, 12, 30).plusDays(day.longValue()).atStartOfDay().plusMinutes(minutes);
        }
        String s = str(cell);
        if (s == null) {
            return null;
        }
        String[] parts = s.split("[ T]", 2);
        LocalDate day = date(Map.of(c, parts[0]), c, problems);
        if (day == null) {
            return null;
        }
        String time = parts.length > 1 ? parts[1].strip() : "";
        if (time.isEmpty()) {
            return day.atStartOfDay();
        }
        try {
            return day.atTime(LocalTime.parse(time, TIME));
        } catch (DateTimeParseException e) {
            problems.add(Problem.invalid("opendata.error.import.date", c.header, s));
            return null;
        }
    }

    private static boolean published(Map<Column, Object> cells, List<Problem> problems) {
        String s = text(cells, Column.PUBLISHED);
        if (s == null) {
            return false;
        }
        switch (s.toLowerCase(Locale.ROOT)) {
            case "так", "true", "yes", "1", "+", "оприлюднено":
                return true;
            case "ні", "false", "no", "0", "-", "не оприлюднено":
                return false;
            default:
                problems.add(Problem.invalid("opendata.error.import.published", Column.PUBLISHED.header, s));
                return false;
        }
    }

    /** "name|type|title|так; name2|..." — one field per ";" or line. */
    private static List<StructureField> structure(String text, List<Problem> problems) {
        if (text == null) {
            return List.of();
        }
        List<StructureField> out = new ArrayList<>();
        for (String item : text.split("[;\\n]")) {
            if (item.isBlank()) {
                continue;
            }
            String[] parts = item.split("\\|", -1);
            if (parts.length > 4 || parts[0].isBlank()) {
                problems.add(Problem.invalid("opendata.error.import.structure", item.strip()));
                return List.of();
            }
            boolean required = false;
            if (parts.length == 4) {
                String flag = parts[3].strip().toLowerCase(Locale.ROOT);
                required = flag.equals("так") || flag.equals("true") || flag.equals("yes") || flag.equals("обов'язкове");
                if (!required && !flag.isEmpty() && !flag.equals("ні") && !flag.equals("false") && !flag.equals("no")) {
                    problems.add(Problem.invalid("opendata.error.import.structure", item.strip()));
                    return List.of();
                }
            }
            out.add(new StructureField(parts[0].strip(), parts.length > 2 ? parts[2].strip() : null,
                    parts.length > 1 ? parts[1].strip() : null, required));
        }
        return out;
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
