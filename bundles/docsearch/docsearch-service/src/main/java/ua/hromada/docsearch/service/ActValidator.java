package ua.hromada.docsearch.service;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import ua.hromada.docsearch.api.ActDraft;
import ua.hromada.docsearch.api.ValidationException;

/** The field rules of an act; every refused field maps to a message key. */
final class ActValidator {
    static final int TITLE_MAX = 1000;
    static final int NUMBER_MAX = 100;
    static final int ISSUING_BODY_MAX = 300;
    static final int TAG_MAX = 100;
    /** The fields {@link #check} refuses when missing. */
    static final Set<String> REQUIRED = Set.of("kind", "number", "date", "title");

    private ActValidator() {
    }

    static Map<String, String> check(ActDraft d, Set<String> kindCodes, LocalDate today) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (d == null) {
            errors.put("title", MessageKeys.TITLE_REQUIRED);
            return errors;
        }
        if (d.title() == null || d.title().isBlank()) {
            errors.put("title", MessageKeys.TITLE_REQUIRED);
        } else if (d.title().strip().length() > TITLE_MAX) {
            errors.put("title", MessageKeys.TITLE_TOO_LONG);
        }
        if (d.number() == null || d.number().isBlank() || ActNumbers.normalize(d.number()).isEmpty()) {
            errors.put("number", MessageKeys.NUMBER_REQUIRED);
        } else if (d.number().strip().length() > NUMBER_MAX) {
            errors.put("number", MessageKeys.NUMBER_TOO_LONG);
        }
        if (d.date() == null) {
            errors.put("date", MessageKeys.DATE_REQUIRED);
        } else if (d.date().isAfter(today)) {
            errors.put("date", MessageKeys.DATE_FUTURE);
        }
        if (d.kindCode() == null || d.kindCode().isBlank()) {
            errors.put("kind", MessageKeys.KIND_REQUIRED);
        } else if (!kindCodes.contains(d.kindCode())) {
            errors.put("kind", MessageKeys.KIND_UNKNOWN);
        }
        if (d.issuingBody() != null && d.issuingBody().strip().length() > ISSUING_BODY_MAX) {
            errors.put("issuingBody", MessageKeys.ISSUING_BODY_TOO_LONG);
        }
        if (d.convocation() != null && d.convocation() <= 0) {
            errors.put("convocation", MessageKeys.CONVOCATION_POSITIVE);
        }
        if (d.session() != null && d.session() <= 0) {
            errors.put("session", MessageKeys.SESSION_POSITIVE);
        }
        if (d.tags() != null && d.tags().stream().anyMatch(t -> t != null && t.strip().length() > TAG_MAX)) {
            errors.put("tags", MessageKeys.TAG_TOO_LONG);
        }
        return errors;
    }

    static void throwIfAny(Map<String, String> errors) {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    /** The tags without blanks, stripped, in their order. */
    static Set<String> cleanTags(Set<String> tags) {
        if (tags == null) {
            return Set.of();
        }
        Set<String> clean = new LinkedHashSet<>();
        for (String t : tags) {
            if (t != null && !t.isBlank()) {
                clean.add(t.strip());
            }
        }
        return clean;
    }
}
