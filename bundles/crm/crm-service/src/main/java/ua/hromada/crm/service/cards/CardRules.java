package ua.hromada.crm.service.cards;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import ua.hromada.crm.api.CrmException;
import ua.hromada.crm.api.CrmPermissions;
import ua.hromada.crm.api.FeeKind;
import ua.hromada.crm.api.ProviderKind;
import ua.hromada.crm.api.RequiredDocument;
import ua.hromada.crm.api.ServiceCard;
import ua.hromada.portal.api.PortalException.Reason;
import ua.hromada.portal.api.PortalUser;

/**
 * The rules of a service card in one place: the editor's save and each imported row ask them
 * (field name as the record's component → message key).
 */
public final class CardRules {
    /** Anyone of the centre reads the cards: the front desk, the back office, the head. */
    public static final String READ = PortalUser.anyOf(CrmPermissions.ADMINISTRATOR, CrmPermissions.BACK_OFFICE,
            CrmPermissions.HEAD);
    static final Pattern LOCAL_CODE = Pattern.compile("[\\p{L}\\d][\\p{L}\\d._/-]{0,39}");
    static final Pattern NATIONAL_ID = Pattern.compile("[\\p{L}\\d._/-]{1,40}");
    /** A portal role's name as the roles view makes it. */
    static final Pattern ROLE = Pattern.compile("[a-z][a-z0-9_.-]{0,99}");
    static final Pattern ACT_ID = Pattern.compile("\\d{1,18}");
    static final int NAME_MAX = 500;
    static final int PROVIDER_MAX = 300;
    static final int TEXT_MAX = 10_000;
    static final int FORMULA_MAX = 500;
    static final int QUEUE_GROUP_MAX = 200;
    static final BigDecimal FEE_MAX = new BigDecimal("1000000");
    static final int TERM_MAX = 365;

    private CardRules() {
    }

    static void requireReader(PortalUser user) {
        if (user == null || !user.hasPermission(READ)) {
            throw new CrmException(Reason.FORBIDDEN, "crm.error.forbidden");
        }
    }

    static void requireHead(PortalUser user) {
        if (user == null || !user.hasPermission(CrmPermissions.HEAD)) {
            throw new CrmException(Reason.FORBIDDEN, "crm.error.forbidden");
        }
    }

    /**
     * Trimmed texts (blank as empty), the fee's other fields cleared for its kind, no role for a
     * state body (its cases are handed to that body, not to a unit of the portal).
     */
    static ServiceCard normalised(ServiceCard c) {
        FeeKind fee = c.feeKind();
        List<RequiredDocument> documents = c.documents().stream()
                .map(d -> d == null ? null : new RequiredDocument(strip(d.name()), d.kind(), d.condition(), d.original()))
                .toList();
        return new ServiceCard(c.id(), strip(c.nationalId()), strip(c.localCode()), strip(c.name()), c.providerKind(),
                strip(c.provider()), c.providerKind() == ProviderKind.STATE_BODY ? "" : strip(c.providerRole()),
                strip(c.legalBasis()), strip(c.legalActId()), fee,
                fee == FeeKind.AMOUNT ? c.feeAmount() : null, fee == FeeKind.FORMULA ? strip(c.feeFormula()) : "",
                c.termDays(), strip(c.result()), strip(c.refusalGrounds()), c.channels(), strip(c.queueGroup()),
                documents, c.active(), c.cardVersion(), c.version());
    }

    /** Field → message key for every rule the card breaks on its own (uniqueness is the store's). */
    static Map<String, String> check(ServiceCard c) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (c.name().isEmpty() || c.name().length() > NAME_MAX) {
            errors.put("name", "crm.card.error.name");
        }
        if (!LOCAL_CODE.matcher(c.localCode()).matches()) {
            errors.put("localCode", "crm.card.error.localCode");
        }
        if (!c.nationalId().isEmpty() && !NATIONAL_ID.matcher(c.nationalId()).matches()) {
            errors.put("nationalId", "crm.card.error.nationalId");
        }
        if (c.providerKind() == null) {
            errors.put("providerKind", "crm.card.error.providerKind");
        }
        if (c.provider().isEmpty() || c.provider().length() > PROVIDER_MAX) {
            errors.put("provider", "crm.card.error.provider");
        }
        if (c.providerKind() == ProviderKind.COUNCIL_UNIT && !ROLE.matcher(c.providerRole()).matches()) {
            errors.put("providerRole", "crm.card.error.providerRole");
        }
        if (!c.legalActId().isEmpty() && !ACT_ID.matcher(c.legalActId()).matches()) {
            errors.put("legalActId", "crm.card.error.legalActId");
        }
        checkFee(c, errors);
        if (c.termDays() < 1 || c.termDays() > TERM_MAX) {
            errors.put("termDays", "crm.card.error.termDays");
        }
        if (c.channels().isEmpty()) {
            errors.put("channels", "crm.card.error.channels");
        }
        if (c.queueGroup().length() > QUEUE_GROUP_MAX) {
            errors.put("queueGroup", "crm.card.error.queueGroup");
        }
        for (String[] text : new String[][] {{"legalBasis", c.legalBasis()}, {"result", c.result()},
            {"refusalGrounds", c.refusalGrounds()}}) {
            if (text[1].length() > TEXT_MAX) {
                errors.put(text[0], "crm.card.error.tooLong");
            }
        }
        String documents = documentsError(c.documents());
        if (documents != null) {
            errors.put("documents", documents);
        }
        return errors;
    }

    private static void checkFee(ServiceCard c, Map<String, String> errors) {
        if (c.feeKind() == null) {
            errors.put("feeKind", "crm.card.error.feeKind");
        } else if (c.feeKind() == FeeKind.AMOUNT && (c.feeAmount() == null || c.feeAmount().signum() <= 0
                || c.feeAmount().compareTo(FEE_MAX) > 0 || c.feeAmount().stripTrailingZeros().scale() > 2)) {
            errors.put("feeAmount", "crm.card.error.feeAmount");
        } else if (c.feeKind() == FeeKind.FORMULA && (c.feeFormula().isEmpty() || c.feeFormula().length() > FORMULA_MAX)) {
            errors.put("feeFormula", "crm.card.error.feeFormula");
        }
    }

    /**
     * The documents' one problem, if any: each named (without the file cell's separators "|" and
     * ";"), with its kind and condition, no name twice.
     */
    private static String documentsError(List<RequiredDocument> documents) {
        Set<String> names = new HashSet<>();
        for (RequiredDocument d : documents) {
            if (d == null || d.name().isEmpty() || d.name().length() > NAME_MAX || d.name().contains("|")
                    || d.name().contains(";")) {
                return "crm.card.error.documentName";
            }
            if (d.kind() == null || d.condition() == null) {
                return "crm.card.error.documentKind";
            }
            if (!names.add(d.name().toLowerCase(Locale.ROOT))) {
                return "crm.card.error.documentTwice";
            }
        }
        return null;
    }

    static String strip(String s) {
        return s == null ? "" : s.strip();
    }
}
