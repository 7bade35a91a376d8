package ua.hromada.opendata.service;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import ua.hromada.opendata.api.DataManager;
import ua.hromada.opendata.api.DatasetRegistry.PassportLimits;
import ua.hromada.opendata.api.Dataset;
import ua.hromada.opendata.api.Obligation;
import ua.hromada.opendata.api.StructureField;

/**
 * The passport rules that need no database: required fields, lengths, forms of the identifier,
 * e-mail, ЄДРПОУ, links and dates. Every broken rule is reported (the import shows them all);
 * the services throw the first.
 */
final class Rules {
    static final int MAX_TITLE = 254;
    static final int MAX_DESCRIPTION = 4000;
    static final int MAX_NAME = 500;
    static final int MAX_PERSON = 300;
    static final int MAX_EMAIL = 254;
    static final int MAX_LIST_ITEM = 200;
    static final int MAX_URL = 2000;
    static final int MAX_FORMAT = 20;
    static final int MAX_FIELD_NAME = 100;
    /** What the service tells forms (DatasetRegistry.limits()). */
    static final PassportLimits LIMITS = new PassportLimits(MAX_TITLE, MAX_DESCRIPTION, MAX_FIELD_NAME, MAX_TITLE);

    static final Pattern IDENTIFIER = Pattern.compile("[a-z0-9][a-z0-9_-]{1,99}");
    static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    private static final Pattern PHONE = Pattern.compile("[0-9+()\\- ]{3,50}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z]{2})?");
    private static final Pattern FORMAT = Pattern.compile("[A-Z0-9][A-Z0-9.+-]{0,19}");
    private static final Pattern FIELD_NAME = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_.-]{0," + (MAX_FIELD_NAME - 1) + "}");
    private static final Pattern OBLIGATION_CODE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,49}");

    private Rules() {
    }

    // ------------------------------------------------------------------ data managers

    static DataManager normalize(DataManager m) {
        return new DataManager(m.id(), strip(m.name()), strip(m.edrpou()), strip(m.responsiblePerson()),
                lower(strip(m.email())), strip(m.phone()), m.parentId(), m.parentName(), m.version());
    }

    static List<Problem> check(DataManager m) {
        List<Problem> p = new ArrayList<>();
        required(p, m.name(), Passport.MANAGER_NAME, MAX_NAME);
        if (m.edrpou() != null && !Edrpou.valid(m.edrpou())) {
            p.add(Problem.invalid("opendata.error.edrpou", m.edrpou()));
        }
        length(p, m.responsiblePerson(), Passport.MANAGER_RESPONSIBLE, MAX_PERSON);
        email(p, m.email(), Passport.MANAGER_EMAIL);
        if (m.phone() != null && !PHONE.matcher(m.phone()).matches()) {
            p.add(Problem.invalid("opendata.error.phone", m.phone()));
        }
        if (m.parentId() != null && m.id() != 0 && m.parentId() == m.id()) {
            p.add(Problem.invalid("opendata.error.parentCycle"));
        }
        return p;
    }

    // ------------------------------------------------------------------ datasets

    static Dataset normalize(Dataset d) {
        String language = strip(d.language());
        return new Dataset(d.id(), lower(strip(d.identifier())), strip(d.title()), strip(d.description()),
                language == null ? "uk" : language.toLowerCase(Locale.ROOT), formats(d.formats()), strip(d.compression()),
                PassportTimes.minute(d.firstPublishedAt()), PassportTimes.minute(d.lastModifiedAt()), d.actualityDate(),
                d.frequency(), distinct(d.keywords(), false),
                distinct(d.links(), true), strip(d.responsiblePerson()), lower(strip(d.responsibleEmail())),
                strip(d.legalBasis()), strip(d.purpose()), d.managerId(), d.managerName(), distinct(d.tags(), false),
                structure(d.structure()), d.obligationId(), d.published(), d.providerModule(), d.updatedAt(),
                d.createdAt(), d.version());
    }

    static List<Problem> check(Dataset d) {
        List<Problem> p = new ArrayList<>();
        if (d.identifier() == null) {
            p.add(Problem.invalid("opendata.error.required", Passport.IDENTIFIER));
        } else if (!IDENTIFIER.matcher(d.identifier()).matches()) {
            p.add(Problem.invalid("opendata.error.identifier", d.identifier()));
        }
        required(p, d.title(), Passport.TITLE, MAX_TITLE);
        length(p, d.description(), Passport.DESCRIPTION, MAX_DESCRIPTION);
        if (!LANGUAGE.matcher(d.language()).matches()) {
            p.add(Problem.invalid("opendata.error.language", d.language()));
        }
        for (String f : d.formats()) {
            if (!FORMAT.matcher(f).matches()) {
                p.add(Problem.invalid("opendata.error.format", f));
            }
        }
        length(p, d.compression(), Passport.COMPRESSION, 50);
        if (d.frequency() == null) {
            p.add(Problem.invalid("opendata.error.required", Passport.FREQUENCY));
        }
        if (d.firstPublishedAt() != null && d.lastModifiedAt() != null
                && d.lastModifiedAt().isBefore(d.firstPublishedAt())) {
            p.add(Problem.invalid("opendata.error.dates"));
        }
        items(p, d.keywords(), Passport.KEYWORDS);
        items(p, d.tags(), Passport.TAGS);
        for (String link : d.links()) {
            if (!httpUrl(link)) {
                p.add(Problem.invalid("opendata.error.url", link));
            }
        }
        length(p, d.responsiblePerson(), Passport.RESPONSIBLE, MAX_PERSON);
        email(p, d.responsibleEmail(), Passport.EMAIL);
        length(p, d.legalBasis(), Passport.LEGAL_BASIS, MAX_DESCRIPTION);
        length(p, d.purpose(), Passport.PURPOSE, MAX_DESCRIPTION);
        if (d.managerId() <= 0) {
            p.add(Problem.invalid("opendata.error.required", Passport.MANAGER));
        }
        Set<String> names = new HashSet<>();
        for (StructureField f : d.structure()) {
            if (f.name() == null || !FIELD_NAME.matcher(f.name()).matches()) {
                p.add(Problem.invalid("opendata.error.structureName", f.name() == null ? "" : f.name()));
            } else if (!names.add(f.name().toLowerCase(Locale.ROOT))) {
                p.add(Problem.invalid("opendata.error.structureDuplicate", f.name()));
            }
            length(p, f.title(), Passport.STRUCTURE, MAX_TITLE);
            length(p, f.type(), Passport.STRUCTURE, 50);
        }
        return p;
    }

    // ------------------------------------------------------------------ obligations

    static Obligation normalize(Obligation o) {
        return new Obligation(o.id(), lower(strip(o.code())), strip(o.title()), strip(o.description()),
                strip(o.legalBasis()));
    }

    static List<Problem> check(Obligation o) {
        List<Problem> p = new ArrayList<>();
        if (o.code() == null || !OBLIGATION_CODE.matcher(o.code()).matches()) {
            p.add(Problem.invalid("opendata.error.obligationCode", o.code() == null ? "" : o.code()));
        }
        required(p, o.title(), Passport.OBLIGATION_TITLE, 1000);
        length(p, o.description(), Passport.DESCRIPTION, MAX_DESCRIPTION);
        length(p, o.legalBasis(), Passport.LEGAL_BASIS, 1000);
        return p;
    }

    // ------------------------------------------------------------------ helpers

    static boolean httpUrl(String text) {
        if (text == null || text.length() > MAX_URL) {
            return false;
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme();
            return scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    && uri.getHost() != null && !uri.getHost().isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    static String format(String text) {
        String f = strip(text);
        if (f == null) {
            return null;
        }
        f = f.toUpperCase(Locale.ROOT);
        return f.startsWith(".") ? f.substring(1) : f;
    }

    static boolean validFormat(String f) {
        return f != null && FORMAT.matcher(f).matches();
    }

    static void required(List<Problem> p, String value, String field, int max) {
        if (value == null) {
            p.add(Problem.invalid("opendata.error.required", field));
        } else {
            length(p, value, field, max);
        }
    }

    static void length(List<Problem> p, String value, String field, int max) {
        if (value != null && value.length() > max) {
            p.add(Problem.invalid("opendata.error.tooLong", field, max, value.length()));
        }
    }

    static void email(List<Problem> p, String value, String field) {
        if (value != null && (value.length() > MAX_EMAIL || !EMAIL.matcher(value).matches())) {
            p.add(Problem.invalid("opendata.error.email", field, value));
        }
    }

    private static void items(List<Problem> p, List<String> values, String field) {
        for (String v : values) {
            length(p, v, field, MAX_LIST_ITEM);
        }
    }

    static String strip(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    private static List<String> formats(List<String> values) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String v : values) {
            String f = format(v);
            if (f != null) {
                out.putIfAbsent(f, f);
            }
        }
        return List.copyOf(out.values());
    }

    /** Stripped, blanks dropped, duplicates (ignoring case unless exact) dropped, order kept. */
    private static List<String> distinct(List<String> values, boolean exact) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String v : values) {
            String s = strip(v);
            if (s != null) {
                out.putIfAbsent(exact ? s : s.toLowerCase(Locale.ROOT), s);
            }
        }
        return List.copyOf(out.values());
    }

    private static List<StructureField> structure(List<StructureField> fields) {
        List<StructureField> out = new ArrayList<>();
        for (StructureField f : fields) {
            if (f != null && (strip(f.name()) != null || strip(f.title()) != null)) {
                out.add(new StructureField(strip(f.name()), strip(f.title()), strip(f.type()), f.required()));
            }
        }
        return out;
    }
}
