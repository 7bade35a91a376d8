package ua.hromada.crm.service.cards;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import ua.hromada.crm.api.CardImportProblem;
import ua.hromada.crm.api.CardTransfer;
import ua.hromada.crm.api.Channel;
import ua.hromada.crm.api.DocumentCondition;
import ua.hromada.crm.api.DocumentKind;
import ua.hromada.crm.api.FeeKind;
import ua.hromada.crm.api.ProviderKind;
import ua.hromada.crm.api.RequiredDocument;
import ua.hromada.crm.api.ServiceCard;
import ua.hromada.portal.api.table.TableLine;

/**
 * A card as a row of the transfer table and back: the cells' own formats (enums by name, channels
 * by ",", documents by ";" and "|"), each unreadable cell a problem of its row.
 */
final class CardRows {
    static final String ORIGINAL = "original";
    static final String COPY = "copy";
    /** What the export's header adds to a column's name, so a person editing the file knows the format. */
    private static final Map<String, String> EXPLAINED = Map.of(
            "provider_kind", "provider_kind [COUNCIL_UNIT | STATE_BODY]",
            "fee_kind", "fee_kind [FREE | AMOUNT | FORMULA]",
            "channels", "channels [IN_PERSON, DIIA, EMAIL]",
            "documents", "documents [назва|IDENTITY, TAX_NUMBER, PROXY, PAYMENT, OTHER|ALWAYS, PERSON,"
                    + " LEGAL_ENTITY, BY_PROXY|original або copy; наступний документ…]",
            "active", "active [true | false]");

    private CardRows() {
    }

    static List<String> header() {
        return Arrays.stream(CardTransfer.COLUMNS).map(c -> EXPLAINED.getOrDefault(c, c)).toList();
    }

    /** Header cell → column: its first word, lower case; unknown columns are ignored. */
    static Map<String, Integer> columns(TableLine header) {
        Set<String> known = Set.of(CardTransfer.COLUMNS);
        Map<String, Integer> out = new HashMap<>();
        for (int i = 0; i < header.cells().size(); i++) {
            String cell = header.cell(i);
            if (cell != null) {
                String name = cell.toLowerCase(Locale.ROOT).split("[\\s\\[(]", 2)[0];
                if (known.contains(name)) {
                    out.putIfAbsent(name, i);
                }
            }
        }
        return out;
    }

    static List<String> row(ServiceCard s) {
        return Arrays.asList(s.localCode(), s.nationalId(), s.name(), s.providerKind().name(), s.provider(),
                s.providerRole(), s.legalBasis(), s.legalActId(), s.feeKind().name(),
                s.feeAmount() == null ? "" : s.feeAmount().stripTrailingZeros().toPlainString(), s.feeFormula(),
                String.valueOf(s.termDays()), s.result(), s.refusalGrounds(),
                s.channels().stream().map(Enum::name).sorted().collect(Collectors.joining(", ")), s.queueGroup(),
                s.documents().stream().map(CardWriter::document).collect(Collectors.joining("; ")),
                String.valueOf(s.active()));
    }

    /** The row's card (id 0, the caller matches it); each cell it cannot read is added to {@code problems}. */
    static ServiceCard card(TableLine line, Map<String, Integer> columns, List<CardImportProblem> problems) {
        Cells cells = new Cells(line, columns, problems);
        return new ServiceCard(0, cells.text("national_id"), cells.text("local_code"), cells.text("name"),
                cells.choice("provider_kind", ProviderKind.class, null), cells.text("provider"),
                cells.text("provider_role"), cells.text("legal_basis"), cells.text("legal_act_id"),
                cells.choice("fee_kind", FeeKind.class, FeeKind.FREE), cells.amount("fee_amount"),
                cells.text("fee_formula"), cells.number("term_days"), cells.text("result"),
                cells.text("refusal_grounds"), cells.channels(), cells.text("queue_group"), cells.documents(),
                !"false".equalsIgnoreCase(cells.text("active")), 0, 0);
    }

    /** The cells of one line by column name. */
    private record Cells(TableLine line, Map<String, Integer> columns, List<CardImportProblem> problems) {

        String text(String column) {
            Integer index = columns.get(column);
            String value = index == null ? null : line.cell(index);
            return value == null ? "" : value;
        }

        void problem(String column, String key, Object... args) {
            problems.add(new CardImportProblem(line.number(), column, key, List.of(args)));
        }

        <E extends Enum<E>> E choice(String column, Class<E> type, E absent) {
            String value = text(column);
            if (value.isEmpty()) {
                return absent;
            }
            for (E e : type.getEnumConstants()) {
                if (e.name().equalsIgnoreCase(value)) {
                    return e;
                }
            }
            problem(column, "crm.card.import.badChoice", value,
                    Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
            return absent;
        }

        BigDecimal amount(String column) {
            String value = text(column).replace(" ", "").replace(',', '.');
            if (value.isEmpty()) {
                return null;
            }
            try {
                return new BigDecimal(value);
            } catch (NumberFormatException e) {
                problem(column, "crm.card.import.badNumber", text(column));
                return null;
            }
        }

        int number(String column) {
            String value = text(column);
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                problem(column, "crm.card.import.badNumber", value);
                return 0;
            }
        }

        Set<Channel> channels() {
            Set<Channel> out = EnumSet.noneOf(Channel.class);
            for (String name : text("channels").split("[,;\\s]+")) {
                if (!name.isBlank()) {
                    Channel channel = Arrays.stream(Channel.values()).filter(c -> c.name().equalsIgnoreCase(name))
                            .findFirst().orElse(null);
                    if (channel == null) {
                        problem("channels", "crm.card.import.badChoice", name, "IN_PERSON, DIIA, EMAIL");
                    } else {
                        out.add(channel);
                    }
                }
            }
            return out;
        }

        List<RequiredDocument> documents() {
            List<RequiredDocument> out = new ArrayList<>();
            for (String item : text("documents").split(";")) {
                if (item.isBlank()) {
                    continue;
                }
                String[] parts = item.split("\\|", -1);
                DocumentKind kind = parts.length == 4 ? named(DocumentKind.class, parts[1]) : null;
                DocumentCondition condition = parts.length == 4 ? named(DocumentCondition.class, parts[2]) : null;
                String original = parts.length == 4 ? parts[3].strip().toLowerCase(Locale.ROOT) : "";
                if (kind == null || condition == null || !(original.equals(ORIGINAL) || original.equals(COPY))) {
                    problem("documents", "crm.card.import.badDocument", item.strip());
                } else {
                    out.add(new RequiredDocument(parts[0].strip(), kind, condition, original.equals(ORIGINAL)));
                }
            }
            return out;
        }

        private static <E extends Enum<E>> E named(Class<E> type, String name) {
            return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equalsIgnoreCase(name.strip()))
                    .findFirst().orElse(null);
        }
    }
}
