package ua.hromada.crm.service.cards;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import ua.hromada.crm.api.CrmException;
import ua.hromada.crm.api.RequiredDocument;
import ua.hromada.crm.api.ServiceCard;
import ua.hromada.portal.api.PortalException.Reason;
import ua.hromada.portal.api.audit.AuditChanges;
import ua.hromada.portal.api.audit.AuditLog;
import ua.hromada.portal.api.legal.LegalActLookup;

/**
 * Writes one checked card as its new current version, keeps that version whole and records the
 * audit entry, on the caller's transaction: the editor's save and each imported row.
 */
final class CardWriter {
    static final String MODULE = "crm";
    static final String ENTITY = "service_card";

    private final AuditLog audit;
    private final Clock clock;
    /** The document-search acts while that module is installed, else null. */
    private final Supplier<LegalActLookup> acts;

    CardWriter(AuditLog audit, Clock clock, Supplier<LegalActLookup> acts) {
        this.audit = audit;
        this.clock = clock;
        this.acts = acts;
    }

    /** Field → message key for what the card breaks against the data: its code taken, an unknown act. */
    Map<String, String> referenceErrors(Connection c, ServiceCard s) throws SQLException {
        Map<String, String> errors = new LinkedHashMap<>();
        Optional<Long> owner = CardStore.idOfCode(c, s.localCode());
        if (owner.isPresent() && owner.get() != s.id()) {
            errors.put("localCode", "crm.card.error.localCodeTaken");
        }
        LegalActLookup registry = acts.get();
        // CardRules.check has made sure a given id is a number
        if (registry != null && !s.legalActId().isEmpty() && registry.find(Long.parseLong(s.legalActId())).isEmpty()) {
            errors.put("legalActId", "crm.card.error.legalActUnknown");
        }
        return errors;
    }

    /** Checks the card completely and writes it; a card unchanged keeps its version. */
    ServiceCard write(Connection c, String actor, ServiceCard given, String createAction, String updateAction)
            throws SQLException {
        ServiceCard s = CardRules.normalised(given);
        Map<String, String> errors = new LinkedHashMap<>(CardRules.check(s));
        if (errors.isEmpty()) {
            errors.putAll(referenceErrors(c, s));
        }
        if (!errors.isEmpty()) {
            throw new CrmException(errors);
        }
        if (s.id() == 0) {
            long id = CardStore.insert(c, s);
            CardStore.snapshot(c, id, actor, clock.instant());
            audit.record(c, actor, MODULE, ENTITY, String.valueOf(id), createAction, describe(s, null).text());
            return CardStore.get(c, id).orElseThrow();
        }
        ServiceCard before = CardStore.get(c, s.id())
                .orElseThrow(() -> new CrmException(Reason.NOT_FOUND, "crm.error.notFound"));
        AuditChanges changes = describe(s, before);
        if (changes.isEmpty()) {
            // nothing to keep as a new version (even over a newer save: the card already reads so)
            return before;
        }
        CardStore.update(c, s);
        CardStore.snapshot(c, s.id(), actor, clock.instant());
        ServiceCard after = CardStore.get(c, s.id()).orElseThrow();
        audit.record(c, actor, MODULE, ENTITY, String.valueOf(s.id()), updateAction,
                changes.value("cardVersion", after.cardVersion()).text());
        return after;
    }

    /** The audited fields, in the order an entry lists them. */
    private static final List<Map.Entry<String, Function<ServiceCard, Object>>> FIELDS = List.of(
            Map.entry("localCode", ServiceCard::localCode), Map.entry("nationalId", ServiceCard::nationalId),
            Map.entry("name", ServiceCard::name), Map.entry("providerKind", ServiceCard::providerKind),
            Map.entry("provider", ServiceCard::provider), Map.entry("providerRole", ServiceCard::providerRole),
            Map.entry("legalBasis", ServiceCard::legalBasis), Map.entry("legalActId", ServiceCard::legalActId),
            Map.entry("feeKind", ServiceCard::feeKind), Map.entry("feeAmount", CardWriter::plain),
            Map.entry("feeFormula", ServiceCard::feeFormula), Map.entry("termDays", ServiceCard::termDays),
            Map.entry("result", ServiceCard::result), Map.entry("refusalGrounds", ServiceCard::refusalGrounds),
            Map.entry("channels", ServiceCard::channels), Map.entry("queueGroup", ServiceCard::queueGroup),
            Map.entry("documents", CardWriter::documents), Map.entry("active", ServiceCard::active));

    private static AuditChanges describe(ServiceCard s, ServiceCard before) {
        return AuditFields.describe(FIELDS, s, before);
    }

    private static String plain(ServiceCard s) {
        return s.feeAmount() == null ? null : s.feeAmount().stripTrailingZeros().toPlainString();
    }

    /** The documents in order, as the file cell writes them: an order or condition changed is a change. */
    private static String documents(ServiceCard s) {
        return s.documents().stream().map(CardWriter::document).collect(Collectors.joining("; "));
    }

    static String document(RequiredDocument d) {
        return d.name() + "|" + d.kind() + "|" + d.condition() + "|" + (d.original() ? "original" : "copy");
    }
}
