package ua.hromada.oks.service;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import ua.hromada.oks.api.OksException;
import ua.hromada.portal.api.PortalException.Reason;
import ua.hromada.portal.api.identity.TaxIdentifiers;
import ua.hromada.oks.api.Violator;

/**
 * The violator of a new case: either nobody, or a name with a kind the inspector chose. There is no
 * default kind (a default "person" once printed companies as «фізична особа: ТОВ …»), and a name
 * that reads as a company's (a legal form such as ТОВ, ПП, КП, or words such as «товариство») is
 * refused as a person, so the warning and the protocol address the violator correctly. A document
 * asks more ({@link #forDocument}): the address, and the code with its check digit.
 */
final class Violators {

    /** Ukrainian legal-form abbreviations as written in capitals at the start of a name. */
    private static final Set<String> LEGAL_FORMS = Set.of("ТОВ", "ТЗОВ", "ТДВ", "ПП", "ПАТ", "ПРАТ", "АТ", "ВАТ", "ЗАТ",
            "КП", "ДП", "КНП", "КЗ", "КУ", "ДУ", "ОСББ", "ГО", "БО", "ФГ", "СФГ", "СГ", "ОК", "LLC", "LTD", "ЛТД");
    private static final Pattern ORGANISATION_WORDS = Pattern.compile(
            "товариств|підприємств|компані|корпораці|кооператив|об[’'ʼ]?єднанн|установа|організаці|фірма",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private Violators() {
    }

    /**
     * The violator to store: null when nothing was given.
     *
     * @throws OksException INVALID: a kind or details without a name, a name without a kind, or a
     *                      company's name given as a person
     */
    static Violator checked(Violator v) {
        if (v == null) {
            return null;
        }
        String name = v.name() == null ? "" : v.name().strip();
        String details = v.details() == null ? "" : v.details().strip();
        if (name.isEmpty()) {
            if (details.isEmpty() && v.kind() == null) {
                return null;
            }
            throw new OksException(Reason.INVALID, "oks.error.violatorName");
        }
        if (v.kind() == null) {
            throw new OksException(Reason.INVALID, "oks.error.violatorKind");
        }
        if (v.kind() == Violator.Kind.PERSON && looksLikeOrganisation(name)) {
            throw new OksException(Reason.INVALID, "oks.error.violatorKindOrganisation", name);
        }
        return new Violator(v.kind(), name, details.isEmpty() ? null : details);
    }

    /** A legal form in capitals as the first word, or a word only organisations' names carry. */
    static boolean looksLikeOrganisation(String name) {
        String first = name.strip().split("[\\s«\"„“]+", 2)[0].replace(".", "");
        return LEGAL_FORMS.contains(first) && first.equals(first.toUpperCase(Locale.ROOT))
                || ORGANISATION_WORDS.matcher(name).find();
    }

    /** Longest texts of a document's violator (the columns of oks.issued_document). */
    static final int NAME_MAX = 300;
    static final int ADDRESS_MAX = 500;
    static final int DETAILS_MAX = 1000;

    /**
     * The violator a document names: a kind, a name, an address, and the code — an organisation's
     * ЄДРПОУ code (required) or a person's РНОКПП (when known: a person may refuse to give it) — with
     * a valid check digit; spaces inside a code are ignored.
     *
     * @throws OksException INVALID, the message naming what is wrong (and the check digit expected)
     */
    static Violator forDocument(Violator v) {
        if (v == null || v.name() == null || v.name().isBlank()) {
            throw new OksException(Reason.INVALID, "oks.register.error.violatorRequired");
        }
        if (v.kind() == null) {
            throw new OksException(Reason.INVALID, "oks.error.violatorKind");
        }
        String name = v.name().strip();
        if (v.kind() == Violator.Kind.PERSON && looksLikeOrganisation(name)) {
            throw new OksException(Reason.INVALID, "oks.error.violatorKindOrganisation", name);
        }
        String address = v.address() == null ? "" : v.address().strip();
        if (address.isEmpty()) {
            throw new OksException(Reason.INVALID, "oks.register.error.addressRequired");
        }
        String details = v.details() == null ? "" : v.details().strip();
        if (name.length() > NAME_MAX) {
            throw new OksException(Reason.INVALID, "oks.register.error.nameTooLong", NAME_MAX);
        }
        if (address.length() > ADDRESS_MAX) {
            throw new OksException(Reason.INVALID, "oks.register.error.addressTooLong", ADDRESS_MAX);
        }
        if (details.length() > DETAILS_MAX) {
            throw new OksException(Reason.INVALID, "oks.register.error.detailsTooLong", DETAILS_MAX);
        }
        String code = v.code() == null ? "" : v.code().replaceAll("\\s+", "");
        if (v.kind() == Violator.Kind.ORGANISATION) {
            if (code.isEmpty()) {
                throw new OksException(Reason.INVALID, "oks.register.error.edrpouRequired");
            }
            if (!code.matches("\\d{8}")) {
                throw new OksException(Reason.INVALID, "oks.register.error.edrpouFormat", code);
            }
            if (!TaxIdentifiers.validEdrpou(code)) {
                throw new OksException(Reason.INVALID, "oks.register.error.edrpouCheck", code,
                        String.valueOf(TaxIdentifiers.edrpouCheckDigit(code)));
            }
        } else if (!code.isEmpty()) {
            if (!code.matches("\\d{10}")) {
                throw new OksException(Reason.INVALID, "oks.register.error.taxNumberFormat", code);
            }
            if (!TaxIdentifiers.validTaxNumber(code)) {
                throw new OksException(Reason.INVALID, "oks.register.error.taxNumberCheck", code,
                        String.valueOf(TaxIdentifiers.taxNumberCheckDigit(code)));
            }
        }
        return new Violator(v.kind(), name, details.isEmpty() ? null : details, code.isEmpty() ? null : code, address);
    }
}
