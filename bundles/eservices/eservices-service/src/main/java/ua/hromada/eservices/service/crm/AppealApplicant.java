package ua.hromada.eservices.service.crm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import ua.hromada.crm.api.Applicant;
import ua.hromada.crm.api.Applicants;
import ua.hromada.portal.api.PortalUser;

/**
 * Finds the ЦНАП applicant an appeal comes from: the appeal's name contains the applicant's last and
 * first names (in any order, with or without the patronymic) and its e-mail or phone is the
 * applicant's. A name alone is not enough: namesakes are common, and a case must not go to a
 * stranger's record.
 */
final class AppealApplicant {
    /** Candidates looked at per name word: more namesakes than this in one community is not a match anyway. */
    static final int CANDIDATES = 200;
    /** A Ukrainian mobile or city number is told apart by its last nine digits (+380 / 0 prefixes vary). */
    private static final int PHONE_DIGITS = 9;

    private AppealApplicant() {
    }

    /** The registered applicants matching the appeal's name and one of its contacts; several = ambiguous. */
    static List<Applicant> matches(Applicants applicants, PortalUser user, String name, String email, String phone) {
        Set<String> words = words(name);
        Map<Long, Applicant> found = new LinkedHashMap<>();
        for (String word : words) {
            if (word.length() >= 2) {
                applicants.find(user, word, 0, CANDIDATES).forEach(a -> found.putIfAbsent(a.id(), a));
            }
        }
        return found.values().stream()
                .filter(a -> words.contains(normal(a.lastName())) && words.contains(normal(a.firstName())))
                .filter(a -> sameEmail(a.email(), email) || samePhone(a.phone(), phone))
                .toList();
    }

    /** The name's words, lower case, the apostrophe's variants as one. */
    static Set<String> words(String name) {
        if (name == null) {
            return Set.of();
        }
        return java.util.Arrays.stream(name.split("[\\s,.;]+")).map(AppealApplicant::normal)
                .filter(w -> !w.isEmpty()).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    private static String normal(String word) {
        return word == null ? "" : word.strip().toLowerCase(Locale.ROOT).replaceAll("['ʼ`]", "’");
    }

    private static boolean sameEmail(String registered, String typed) {
        return registered != null && !registered.isBlank() && typed != null
                && registered.strip().equalsIgnoreCase(typed.strip());
    }

    static boolean samePhone(String registered, String typed) {
        String a = digits(registered);
        String b = digits(typed);
        return a.length() >= PHONE_DIGITS && b.length() >= PHONE_DIGITS
                && a.substring(a.length() - PHONE_DIGITS).equals(b.substring(b.length() - PHONE_DIGITS));
    }

    private static String digits(String phone) {
        return phone == null ? "" : phone.replaceAll("\\D", "");
    }
}
