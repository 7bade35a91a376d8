package ua.hromada.eservices.service.catalogue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.eservices.api.Audience;
import ua.hromada.eservices.api.CatalogueImport;
import ua.hromada.eservices.api.CatalogueTransfer;
import ua.hromada.eservices.api.EService;
import ua.hromada.eservices.api.EservicesException;
import ua.hromada.eservices.api.ImportProblem;
import ua.hromada.eservices.api.LinkStatus;
import ua.hromada.eservices.api.ProviderKind;
import ua.hromada.eservices.api.ServiceStatus;
import ua.hromada.eservices.api.TransferFormat;
import ua.hromada.eservices.service.EservicesDatabase;
import ua.hromada.eservices.service.catalogue.TermStore.Term;
import ua.hromada.portal.api.PortalException.Reason;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.audit.AuditLog;
import ua.hromada.portal.api.jdbc.Statements;
import ua.hromada.portal.api.table.TableFiles;
import ua.hromada.portal.api.table.TableFormat;
import ua.hromada.portal.api.table.TableLine;
import ua.hromada.portal.api.table.UnreadableTableException;

/**
 * Import and export of the catalogue. A row names its category, life situations and unit by code
 * and is matched to the catalogue by its own code: a known code updates that service, a new one
 * adds a service at the end. The preview checks every row; applying checks them again in the
 * transaction that writes them, so nothing changed meanwhile slips through half applied.
 */
@Component(service = CatalogueTransfer.class)
public class CatalogueTransferImpl implements CatalogueTransfer {
    private static final List<String> REQUIRED = List.of("code", "name", "url");
    /** Most data rows an import reads; a catalogue has dozens. */
    static final int MAX_ROWS = 2000;
    /** The sheet name of an export. */
    static final String SHEET = "Сервіси";

    private final EservicesDatabase database;
    private final ServiceWriter writer;
    private final TableFiles tables;

    @Activate
    public CatalogueTransferImpl(@Reference EservicesDatabase database, @Reference AuditLog audit,
            @Reference TableFiles tables) {
        this.database = database;
        this.writer = new ServiceWriter(audit);
        this.tables = tables;
    }

    /** What the rows refer to: the community's codes → ids, and its services by lower-case code. */
    private record Codes(Map<String, Long> categories, Map<String, Long> situations, Map<String, Long> units,
            Map<String, EService> services) {

        static Codes read(Connection c) throws SQLException {
            return new Codes(byCode(TermStore.CATEGORIES.all(c)), byCode(TermStore.SITUATIONS.all(c)),
                    Statements.list(c, "SELECT lower(code), id FROM eservices.unit",
                            rs -> Map.entry(rs.getString(1), rs.getLong(2))).stream()
                            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)),
                    ServiceStore.all(c).stream().collect(Collectors.toMap(s -> key(s.code()), s -> s)));
        }

        private static Map<String, Long> byCode(List<Term> terms) {
            Map<String, Long> out = new HashMap<>();
            terms.forEach(t -> out.put(key(t.code()), t.id()));
            return out;
        }
    }

    @Override
    public CatalogueImport preview(PortalUser user, String fileName, byte[] content) {
        CatalogueRules.requireEditor(user);
        if (content == null || content.length == 0) {
            return refused(fileName, "eservices.catalogue.import.empty");
        }
        if (content.length > MAX_IMPORT_BYTES) {
            return refused(fileName, "eservices.catalogue.import.tooLarge", MAX_IMPORT_BYTES / (1024 * 1024));
        }
        if (fakeWorkbook(fileName, content)) {
            return refused(fileName, "eservices.catalogue.import.unreadable");
        }
        List<TableLine> lines;
        try {
            lines = tables.read(content, MAX_ROWS);
        } catch (UnreadableTableException e) {
            return refused(fileName, "eservices.catalogue.import.unreadable");
        }
        if (lines.size() > MAX_ROWS + 1) {
            return refused(fileName, "eservices.catalogue.import.tooManyRows", MAX_ROWS);
        }
        if (lines.size() < 2) {
            return refused(fileName, "eservices.catalogue.import.noRows");
        }
        Map<String, Integer> columns = columns(lines.get(0));
        List<String> missing = REQUIRED.stream().filter(c -> !columns.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            return refused(fileName, "eservices.catalogue.import.missingColumns", String.join(", ", missing));
        }
        return database.read(c -> check(c, fileName, lines.subList(1, lines.size()), columns));
    }

    /**
     * A file named as a workbook whose content is none (no ZIP header: an old .xls, a renamed file):
     * read as CSV it would be a page of garbage, so it is refused as unreadable.
     */
    private static boolean fakeWorkbook(String fileName, byte[] content) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        boolean zip = content.length > 3 && content[0] == 'P' && content[1] == 'K';
        return !zip && (name.endsWith(".xlsx") || name.endsWith(".xls"));
    }

    private static CatalogueImport refused(String fileName, String key, Object... args) {
        return new CatalogueImport(fileName, List.of(), 0, 0, List.of(new ImportProblem(0, null, key, List.of(args))));
    }

    /** Header name (lower case) → index; unknown columns are ignored. */
    private static Map<String, Integer> columns(TableLine header) {
        Map<String, Integer> out = new HashMap<>();
        Set<String> known = Set.of(COLUMNS);
        for (int i = 0; i < header.cells().size(); i++) {
            String name = header.cell(i) == null ? "" : key(header.cell(i));
            if (known.contains(name)) {
                out.putIfAbsent(name, i);
            }
        }
        return out;
    }

    private CatalogueImport check(Connection c, String fileName, List<TableLine> rows,
            Map<String, Integer> columns) throws SQLException {
        Codes codes = Codes.read(c);
        List<EService> services = new ArrayList<>();
        List<ImportProblem> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int created = 0;
        for (TableLine line : rows) {
            List<ImportProblem> own = new ArrayList<>();
            EService s = service(line, columns, codes, own);
            if (s.code() != null && !seen.add(key(s.code()))) {
                own.add(new ImportProblem(line.number(), "code", "eservices.catalogue.import.duplicate",
                        List.of(s.code())));
            }
            CatalogueRules.check(s).forEach((field, message) -> own.add(
                    new ImportProblem(line.number(), field, message, List.of())));
            problems.addAll(own);
            if (own.isEmpty()) {
                services.add(s);
                created += s.id() == 0 ? 1 : 0;
            }
        }
        return new CatalogueImport(fileName, services, created, services.size() - created, problems);
    }

    /** The service a row describes, its references resolved; what cannot be resolved is a problem. */
    private static EService service(TableLine line, Map<String, Integer> columns, Codes codes,
            List<ImportProblem> problems) {
        String code = value(line, columns, "code");
        Long category = reference(line, columns, "category", codes.categories(), problems);
        Long unit = reference(line, columns, "unit", codes.units(), problems);
        List<Long> situations = new ArrayList<>();
        String situationCodes = value(line, columns, "situations");
        if (situationCodes != null) {
            for (String s : situationCodes.split("[,;]")) {
                if (!s.isBlank()) {
                    Long id = codes.situations().get(key(s));
                    if (id == null) {
                        problems.add(new ImportProblem(line.number(), "situations",
                                "eservices.catalogue.import.unknownCode", List.of(s.strip())));
                    } else {
                        situations.add(id);
                    }
                }
            }
        }
        Audience audience = choice(line, columns, "audience", Audience.class, Audience.RESIDENTS, problems);
        ProviderKind provider = choice(line, columns, "provider", ProviderKind.class, ProviderKind.COUNCIL, problems);
        ServiceStatus status = choice(line, columns, "status", ServiceStatus.class, ServiceStatus.ACTIVE, problems);
        Optional<EService> existing = Optional.ofNullable(code == null ? null : codes.services().get(key(code)));
        return CatalogueRules.normalised(new EService(existing.map(EService::id).orElse(0L), code,
                value(line, columns, "name"), value(line, columns, "description"), value(line, columns, "url"),
                category, situations, audience, provider, unit, status,
                existing.map(EService::position).orElse(0), existing.map(EService::version).orElse(0L),
                existing.map(EService::link).orElse(LinkStatus.UNCHECKED)));
    }

    private static String value(TableLine line, Map<String, Integer> columns, String column) {
        Integer index = columns.get(column);
        return index == null ? null : line.cell(index);
    }

    private static Long reference(TableLine line, Map<String, Integer> columns, String column,
            Map<String, Long> ids, List<ImportProblem> problems) {
        String code = value(line, columns, column);
        if (code == null) {
            return null;
        }
        Long id = ids.get(key(code));
        if (id == null) {
            problems.add(new ImportProblem(line.number(), column, "eservices.catalogue.import.unknownCode",
                    List.of(code)));
        }
        return id;
    }

    private static <E extends Enum<E>> E choice(TableLine line, Map<String, Integer> columns,
            String column, Class<E> type, E absent, List<ImportProblem> problems) {
        String text = value(line, columns, column);
        if (text == null) {
            return absent;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(text)) {
                return e;
            }
        }
        problems.add(new ImportProblem(line.number(), column, "eservices.catalogue.import.badChoice",
                List.of(text, Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")))));
        return absent;
    }

    private static String key(String code) {
        return code.strip().toLowerCase(Locale.ROOT);
    }

    @Override
    public int apply(PortalUser user, CatalogueImport preview) {
        CatalogueRules.requireEditor(user);
        if (preview == null || !preview.applicable()) {
            throw new EservicesException(Reason.INVALID, "eservices.catalogue.import.notApplicable");
        }
        return database.tx(c -> {
            Statements.first(c, "SELECT pg_advisory_xact_lock(hashtext('eservices.catalogue.order'))", rs -> true);
            Map<String, EService> current = Codes.read(c).services();
            for (EService given : preview.services()) {
                EService s = CatalogueRules.normalised(given);
                EService now = current.get(key(s.code() == null ? "" : s.code()));
                // the catalogue as it is now decides create or update; the file's values win
                EService row = now == null ? withId(s, 0, 0) : withId(s, now.id(), now.version());
                if (!CatalogueRules.check(row).isEmpty() || !ServiceCatalogueImpl.referenceErrors(c, row).isEmpty()) {
                    throw new EservicesException(Reason.CONFLICT, "eservices.catalogue.import.changed", s.code());
                }
                writer.write(c, user.username(), row, "import", "import");
            }
            return preview.services().size();
        });
    }

    private static EService withId(EService s, long id, long version) {
        return new EService(id, s.code(), s.name(), s.description(), s.url(), s.categoryId(), s.situationIds(),
                s.audience(), s.provider(), s.unitId(), s.status(), s.position(), version, s.link());
    }

    @Override
    public byte[] export(PortalUser user, TransferFormat format) {
        CatalogueRules.requireEditor(user);
        List<List<String>> rows = database.read(c -> {
            Map<Long, String> categories = codes(TermStore.CATEGORIES.all(c));
            Map<Long, String> situations = codes(TermStore.SITUATIONS.all(c));
            Map<Long, String> units = Statements.list(c, "SELECT id, code FROM eservices.unit",
                    rs -> Map.entry(rs.getLong(1), rs.getString(2))).stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            List<List<String>> out = new ArrayList<>();
            for (EService s : ServiceStore.all(c)) {
                out.add(Arrays.asList(s.code(), s.name(), s.description(), s.url(), categories.get(s.categoryId()),
                        s.situationIds().stream().map(situations::get).collect(Collectors.joining(", ")),
                        s.audience().name(), s.provider().name(), units.get(s.unitId()), s.status().name()));
            }
            return out;
        });
        // eservices-api keeps its own format enum (removing it would be a major step of its API)
        TableFormat table = switch (format) {
            case CSV -> TableFormat.CSV;
            case XLSX -> TableFormat.XLSX;
        };
        return tables.write(table, SHEET, List.of(COLUMNS), rows);
    }

    private static Map<Long, String> codes(List<Term> terms) {
        Map<Long, String> out = new HashMap<>();
        terms.forEach(t -> out.put(t.id(), t.code()));
        return out;
    }
}
