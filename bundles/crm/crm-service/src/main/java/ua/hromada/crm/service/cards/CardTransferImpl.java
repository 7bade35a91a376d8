package ua.hromada.crm.service.cards;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.crm.api.CardFileFormat;
import ua.hromada.crm.api.CardImport;
import ua.hromada.crm.api.CardImportProblem;
import ua.hromada.crm.api.CardTransfer;
import ua.hromada.crm.api.CrmException;
import ua.hromada.crm.api.ServiceCard;
import ua.hromada.crm.service.CrmDatabase;
import ua.hromada.portal.api.PortalException.Reason;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.jdbc.Statements;
import ua.hromada.portal.api.table.TableFiles;
import ua.hromada.portal.api.table.TableFormat;
import ua.hromada.portal.api.table.TableLine;
import ua.hromada.portal.api.table.UnreadableTableException;

/**
 * Import and export of the cards. A row is matched by its local code: a known code makes a new
 * version of that card, a new one a new card. The preview checks every row; applying checks them
 * again in the transaction that writes them, so nothing changed meanwhile slips through half applied.
 */
@Component(service = CardTransfer.class)
public class CardTransferImpl implements CardTransfer {
    private static final List<String> REQUIRED = List.of("local_code", "name", "provider_kind", "provider",
            "term_days");
    /** Most data rows an import reads: a centre has hundreds of services (406 for a city). */
    static final int MAX_ROWS = 2000;
    static final String SHEET = "Інформаційні картки";

    private final CrmDatabase database;
    private final CardWriter writer;
    private final TableFiles tables;

    @Activate
    public CardTransferImpl(@Reference CrmDatabase database, @Reference ServiceCardsImpl cards,
            @Reference TableFiles tables) {
        this.database = database;
        this.tables = tables;
        // the cards' own writer: the same rules, versions and audit as the editor's save
        this.writer = cards.writer();
    }

    @Override
    public CardImport preview(PortalUser user, String fileName, byte[] content) {
        CardRules.requireHead(user);
        if (content == null || content.length == 0) {
            return refused(fileName, "crm.card.import.empty");
        }
        if (content.length > MAX_IMPORT_BYTES) {
            return refused(fileName, "crm.card.import.tooLarge", MAX_IMPORT_BYTES / (1024 * 1024));
        }
        List<TableLine> lines;
        try {
            lines = tables.read(content, MAX_ROWS);
        } catch (UnreadableTableException e) {
            return refused(fileName, "crm.card.import.unreadable");
        }
        if (lines.size() > MAX_ROWS + 1) {
            return refused(fileName, "crm.card.import.tooManyRows", MAX_ROWS);
        }
        if (lines.size() < 2) {
            return refused(fileName, "crm.card.import.noRows");
        }
        Map<String, Integer> columns = CardRows.columns(lines.get(0));
        List<String> missing = REQUIRED.stream().filter(c -> !columns.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            return refused(fileName, "crm.card.import.missingColumns", String.join(", ", missing));
        }
        return database.read(c -> check(c, fileName, lines.subList(1, lines.size()), columns));
    }

    private static CardImport refused(String fileName, String key, Object... args) {
        return new CardImport(fileName, List.of(), 0, 0, List.of(new CardImportProblem(0, null, key, List.of(args))));
    }

    private CardImport check(Connection c, String fileName, List<TableLine> rows, Map<String, Integer> columns)
            throws SQLException {
        Map<String, ServiceCard> current = byCode(c);
        List<ServiceCard> cards = new ArrayList<>();
        List<CardImportProblem> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int created = 0;
        for (TableLine line : rows) {
            List<CardImportProblem> own = new ArrayList<>();
            ServiceCard s = matched(CardRules.normalised(CardRows.card(line, columns, own)), current);
            if (!s.localCode().isEmpty() && !seen.add(key(s.localCode()))) {
                own.add(new CardImportProblem(line.number(), "local_code", "crm.card.import.duplicate",
                        List.of(s.localCode())));
            }
            Map<String, String> errors = new HashMap<>(CardRules.check(s));
            if (errors.isEmpty()) {
                errors.putAll(writer.referenceErrors(c, s));
            }
            errors.forEach((field, key) -> own.add(new CardImportProblem(line.number(), column(field), key, List.of())));
            problems.addAll(own);
            if (own.isEmpty()) {
                cards.add(s);
                created += s.id() == 0 ? 1 : 0;
            }
        }
        return new CardImport(fileName, cards, created, cards.size() - created, problems);
    }

    /** The record's field as the file's column: localCode → local_code. */
    static String column(String field) {
        return field.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
    }

    private static Map<String, ServiceCard> byCode(Connection c) throws SQLException {
        Map<String, ServiceCard> out = new HashMap<>();
        for (ServiceCard s : CardStore.all(c)) {
            out.put(key(s.localCode()), s);
        }
        return out;
    }

    /** The card with the id and version of the card of its code now, or as new. */
    private static ServiceCard matched(ServiceCard s, Map<String, ServiceCard> current) {
        ServiceCard now = current.get(key(s.localCode()));
        return new ServiceCard(now == null ? 0 : now.id(), s.nationalId(), s.localCode(), s.name(), s.providerKind(),
                s.provider(), s.providerRole(), s.legalBasis(), s.legalActId(), s.feeKind(), s.feeAmount(),
                s.feeFormula(), s.termDays(), s.result(), s.refusalGrounds(), s.channels(), s.queueGroup(),
                s.documents(), s.active(), now == null ? 0 : now.cardVersion(), now == null ? 0 : now.version());
    }

    private static String key(String code) {
        return code.strip().toLowerCase(Locale.ROOT);
    }

    @Override
    public int apply(PortalUser user, CardImport preview) {
        CardRules.requireHead(user);
        if (preview == null || !preview.applicable()) {
            throw new CrmException(Reason.INVALID, "crm.card.import.notApplicable");
        }
        return database.tx(c -> {
            // one import at a time: two of them must not both create the same new code
            Statements.first(c, "SELECT pg_advisory_xact_lock(hashtext('crm.card-import'))", rs -> true);
            Map<String, ServiceCard> current = byCode(c);
            for (ServiceCard given : preview.cards()) {
                ServiceCard row = matched(CardRules.normalised(given), current);
                try {
                    writer.write(c, user.username(), row, "import", "import");
                } catch (CrmException e) {
                    throw new CrmException(Reason.CONFLICT, "crm.card.import.changed", row.localCode());
                }
            }
            return preview.cards().size();
        });
    }

    @Override
    public byte[] export(PortalUser user, CardFileFormat format) {
        CardRules.requireReader(user);
        List<List<String>> rows = database.read(c -> CardStore.all(c).stream().map(CardRows::row).toList());
        // crm-api keeps its own format enum (removing it would be a major step of its API)
        TableFormat table = switch (format) {
            case CSV -> TableFormat.CSV;
            case XLSX -> TableFormat.XLSX;
        };
        return tables.write(table, SHEET, CardRows.header(), rows);
    }
}
