package ua.hromada.crm.service.verification;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import ua.hromada.crm.api.Applicant;
import ua.hromada.crm.api.ApplicantKind;
import ua.hromada.crm.api.FindingSeverity;
import ua.hromada.crm.api.Identifiers;
import ua.hromada.crm.service.verification.CaseFacts.Line;
import ua.hromada.crm.service.verification.CaseFacts.OtherCase;
import ua.hromada.portal.api.calendar.DisplayFormats;

/**
 * The rules over the card and the applicant as typed (no scan): each fired one says why, with the
 * values it compared. Pure: the facts and today in, the fired checks out.
 */
final class CaseRules {

    private final CheckMessages texts;
    private final ZoneId zone;

    CaseRules(CheckMessages texts, ZoneId zone) {
        this.texts = texts;
        this.zone = zone;
    }

    List<Fired> check(CaseFacts facts, LocalDate today) {
        List<Fired> fired = new ArrayList<>();
        missingDocuments(facts, fired);
        identifiers(facts.applicant(), fired);
        expiredDocument(facts.applicant(), today, fired);
        fee(facts, fired);
        for (OtherCase other : facts.duplicates()) {
            fired.add(Fired.of(Rules.DUPLICATE, texts.ukrainian("crm.check.subject.case", other.number()),
                    FindingSeverity.WARNING, texts.ukrainian("crm.check.duplicate", other.number(),
                            DisplayFormats.DATE.format(other.registeredAt().atZone(zone)))));
        }
        return fired;
    }

    /** Lines whose condition does not apply to this applicant are not asked for, even if listed. */
    static boolean applies(Line line, CaseFacts facts) {
        boolean organisation = facts.applicant().kind() == ApplicantKind.ORGANISATION;
        return switch (line.condition()) {
            case ALWAYS -> true;
            case PERSON -> !organisation;
            case LEGAL_ENTITY -> organisation;
            case BY_PROXY -> facts.byProxy();
        };
    }

    private void missingDocuments(CaseFacts facts, List<Fired> fired) {
        for (Line line : facts.documents()) {
            if (!line.received() && applies(line, facts)) {
                fired.add(Fired.of(Rules.MISSING_DOCUMENT, line.name(), FindingSeverity.ERROR,
                        texts.ukrainian("crm.check.missingDocument", line.name())));
            }
        }
    }

    private void identifiers(Applicant a, List<Fired> fired) {
        String subjectTax = texts.ukrainian("crm.check.subject.taxNumber");
        String tax = strip(a.taxNumber());
        if (a.kind() == ApplicantKind.PERSON && !tax.isEmpty()) {
            if (!tax.matches("\\d{10}")) {
                fired.add(Fired.of(Rules.TAX_NUMBER, subjectTax, FindingSeverity.ERROR,
                        texts.ukrainian("crm.check.taxNumberFormat", tax)));
            } else if (!Identifiers.validTaxNumber(tax)) {
                fired.add(Fired.of(Rules.TAX_NUMBER, subjectTax, FindingSeverity.ERROR,
                        texts.ukrainian("crm.check.taxNumber", tax, String.valueOf(Identifiers.taxNumberCheckDigit(tax)))));
            } else if (a.birthDate() != null) {
                LocalDate encoded = Identifiers.birthDateOf(tax).orElseThrow();
                if (!encoded.equals(a.birthDate())) {
                    fired.add(Fired.of(Rules.BIRTH_DATE, texts.ukrainian("crm.check.subject.birthDate"),
                            FindingSeverity.ERROR, texts.ukrainian("crm.check.birthDate", DisplayFormats.DATE.format(a.birthDate()),
                                    tax, DisplayFormats.DATE.format(encoded))));
                }
            }
        }
        String edrpou = strip(a.edrpou());
        if (a.kind() == ApplicantKind.ORGANISATION && !edrpou.isEmpty() && !Identifiers.validEdrpou(edrpou)) {
            fired.add(Fired.of(Rules.EDRPOU, texts.ukrainian("crm.check.subject.edrpou"), FindingSeverity.ERROR,
                    texts.ukrainian("crm.check.edrpou", edrpou)));
        }
    }

    private void expiredDocument(Applicant a, LocalDate today, List<Fired> fired) {
        if (a.documentExpiry() != null && a.documentExpiry().isBefore(today)) {
            fired.add(Fired.of(Rules.DOCUMENT_EXPIRED, texts.ukrainian("crm.check.subject.document"),
                    FindingSeverity.ERROR, texts.ukrainian("crm.check.documentExpired", strip(a.documentNumber()),
                            DisplayFormats.DATE.format(a.documentExpiry()))));
        }
    }

    private void fee(CaseFacts facts, List<Fired> fired) {
        if (facts.feePaid() || facts.feeKind() == null || "FREE".equals(facts.feeKind())) {
            return;
        }
        String fee = facts.feeAmount() != null
                ? texts.ukrainian("crm.check.fee.amount", facts.feeAmount().toPlainString().replace('.', ','))
                : facts.feeFormula();
        fired.add(Fired.of(Rules.FEE_NOT_PAID, texts.ukrainian("crm.check.subject.fee"), FindingSeverity.ERROR,
                texts.ukrainian("crm.check.feeNotPaid", facts.serviceName(), fee)));
    }

    static String strip(String value) {
        return value == null ? "" : value.strip();
    }
}
