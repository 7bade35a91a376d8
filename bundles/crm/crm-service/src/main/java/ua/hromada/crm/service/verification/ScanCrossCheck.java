package ua.hromada.crm.service.verification;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import ua.hromada.crm.api.Applicant;
import ua.hromada.crm.api.ApplicantKind;
import ua.hromada.crm.api.DocumentKind;
import ua.hromada.crm.api.FindingSeverity;
import ua.hromada.crm.api.Identifiers;
import ua.hromada.crm.api.ScanText;
import ua.hromada.crm.service.verification.CaseFacts.ScanRef;
import ua.hromada.crm.service.verification.ScanExtraction.Found;
import ua.hromada.portal.api.calendar.DisplayFormats;

/**
 * Compares what a scan of an identity document or taxpayer card says with the typed application:
 * a different РНОКПП, document number, ЄДДР record or birth date is an error naming both values,
 * with the line read and its region; a surname not found is a warning (OCR misses names more often
 * than numbers). Matches fire nothing. Other kinds of documents are not compared.
 */
final class ScanCrossCheck {
    private final CheckMessages texts;

    ScanCrossCheck(CheckMessages texts) {
        this.texts = texts;
    }

    static boolean compared(DocumentKind kind) {
        return kind == DocumentKind.IDENTITY || kind == DocumentKind.TAX_NUMBER;
    }

    List<Fired> check(ScanRef scan, ScanText text, Applicant a) {
        List<Fired> fired = new ArrayList<>();
        if (!compared(scan.kind()) || a.kind() != ApplicantKind.PERSON) {
            return fired;
        }
        ScanExtraction read = new ScanExtraction(text);
        List<Found> taxes = read.taxNumbers();
        List<Found> numbers = scan.kind() == DocumentKind.IDENTITY ? documentNumbers(read, a) : List.of();
        compare(scan, "taxNumber", CaseRules.strip(a.taxNumber()), preferValid(taxes), fired);
        if (scan.kind() == DocumentKind.IDENTITY) {
            compare(scan, "documentNumber", CaseRules.strip(a.documentNumber()), numbers, fired);
            compare(scan, "registryNumber", CaseRules.strip(a.registryNumber()), read.registryNumbers(), fired);
            if (a.birthDate() != null) {
                compare(scan, "birthDate", DisplayFormats.DATE.format(a.birthDate()), read.birthDates(), fired);
            }
            lastName(scan, read, a, fired);
        }
        if (taxes.isEmpty() && numbers.isEmpty()) {
            fired.add(new Fired(Rules.SCAN_UNREADABLE, subject(scan, null), FindingSeverity.WARNING,
                    texts.ukrainian("crm.check.scanNothing", scan.fileName()), abbreviated(text.text()), scan.id(), null));
        }
        return fired;
    }

    private static List<Found> documentNumbers(ScanExtraction read, Applicant a) {
        if (a.documentType() == null) {
            return List.of();
        }
        return switch (a.documentType()) {
            case ID_CARD -> read.idCardNumbers();
            case PASSPORT_BOOK -> read.passportNumbers();
            case FOREIGN_PASSPORT -> read.foreignPassportNumbers();
        };
    }

    /** РНОКПП candidates that pass the check digit first: a noisy read of another number fails it. */
    private static List<Found> preferValid(List<Found> taxes) {
        return taxes.stream().sorted(Comparator.comparing((Found f) -> !Identifiers.validTaxNumber(f.value()))).toList();
    }

    /** Nothing when the typed value is among those read (or nothing was typed or read); else a mismatch. */
    private void compare(ScanRef scan, String field, String typed, List<Found> read, List<Fired> fired) {
        if (typed.isEmpty() || read.isEmpty() || read.stream().anyMatch(f -> f.value().equals(typed))) {
            return;
        }
        Found other = read.get(0);
        String name = texts.ukrainian("crm.check.field." + field);
        fired.add(new Fired(Rules.SCAN_MISMATCH, subject(scan, name), FindingSeverity.ERROR,
                texts.ukrainian("crm.check.scanMismatch", scan.fileName(), name, other.value(), typed), other.evidence(),
                scan.id(), other.region()));
    }

    private void lastName(ScanRef scan, ScanExtraction read, Applicant a, List<Fired> fired) {
        String typed = CaseRules.strip(a.lastName());
        if (typed.isEmpty() || read.words().size() < 3) {
            return;
        }
        Optional<NameMatch.Match> match = NameMatch.find(typed, read.words());
        if (match.isPresent() && match.get().exact()) {
            return;
        }
        String name = texts.ukrainian("crm.check.field.lastName");
        if (match.isPresent()) {
            NameMatch.Match m = match.get();
            fired.add(new Fired(Rules.SCAN_MISMATCH, subject(scan, name), FindingSeverity.WARNING,
                    texts.ukrainian("crm.check.scanMismatch", scan.fileName(), name, m.read(), typed),
                    read.lineOf(m.word()), scan.id(), m.word().region()));
        } else {
            fired.add(new Fired(Rules.SCAN_MISMATCH, subject(scan, name), FindingSeverity.WARNING,
                    texts.ukrainian("crm.check.scanNameMissing", scan.fileName(), name, typed), "", scan.id(), null));
        }
    }

    private String subject(ScanRef scan, String field) {
        String id = "#" + scan.id();
        return field == null ? texts.ukrainian("crm.check.subject.scan", id)
                : texts.ukrainian("crm.check.subject.scanField", id, field);
    }

    /** The start of what was read, as evidence of a scan where nothing was found. */
    static String abbreviated(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= 300 ? flat : flat.substring(0, 300) + "…";
    }
}
