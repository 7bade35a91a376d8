package ua.hromada.opendata.service;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ua.hromada.opendata.api.Dataset;
import ua.hromada.opendata.api.StructureField;
import ua.hromada.opendata.api.UpdateFrequency;

/**
 * A CKAN package as the registry holds it: the passport fields CKAN has (top level, or in
 * {@code extras} as this portal's own CKAN API and data.gov.ua's ckanext-dgua write them) and its
 * resources as links; and the merge with a dataset the registry already holds, field by field.
 */
final class CkanPackages {

    /** A resource of the package: imported as a link (CKAN serves even uploaded files at a URL). */
    record Link(String name, String format, String url) {
    }

    /**
     * A package read: the passport (manager id 0, published false) with the fields CKAN leaves empty
     * as null, its links, and what makes it unusable.
     */
    record Incoming(String packageId, String name, String title, Dataset passport, List<Link> links,
            List<String> errors) {
    }

    /** One field of the diff: its passport label, and whether the merge changes it. */
    private record Field(String label, Object stored, Object merged) {
        boolean changed() {
            return !Objects.equals(stored, merged);
        }
    }

    private final ObjectMapper json;
    private final Texts texts;

    CkanPackages(ObjectMapper json, Texts texts) {
        this.json = json;
        this.texts = texts;
    }

    /** A package as the registry would hold it; passport times in the community's {@code zone}. */
    Incoming read(JsonNode p, ZoneId zone) {
        List<String> errors = new ArrayList<>();
        Map<String, String> extras = new HashMap<>();
        for (JsonNode e : p.path("extras")) {
            extras.put(e.path("key").asText(), e.path("value").asText(null));
        }
        String id = text(p.path("id").asText(null));
        String name = text(p.path("name").asText(null));
        String title = text(p.path("title").asText(null));
        String identifier = name == null ? null : name.toLowerCase(Locale.ROOT);
        if (id == null || identifier == null) {
            errors.add(texts.text("opendata.error.ckan.packageWithoutName"));
        } else if (!Rules.IDENTIFIER.matcher(identifier).matches()) {
            errors.add(texts.text("opendata.error.identifier", identifier));
        }
        UpdateFrequency frequency = null;
        String f = first(p.path("update_frequency").asText(null), extras.get("update_frequency"));
        if (f != null) {
            frequency = UpdateFrequency.parse(f).orElse(null);
            if (frequency == null) {
                errors.add(texts.text("opendata.error.import.frequency", f, Arrays.stream(UpdateFrequency.values())
                        .map(UpdateFrequency::label).collect(Collectors.joining(", "))));
            }
        }
        List<String> tags = new ArrayList<>();
        for (JsonNode t : p.path("tags")) {
            String tag = text(t.path("name").asText(null));
            if (tag != null) {
                tags.add(tag);
            }
        }
        String keywordText = first(extras.get("keywords"), p.path("tag_string").asText(null));
        List<String> keywords = keywordText == null ? tags : split(keywordText);
        List<Link> links = new ArrayList<>();
        Set<String> formats = new LinkedHashSet<>();
        for (JsonNode r : p.path("resources")) {
            String url = text(r.path("url").asText(null));
            if (url == null || !Rules.httpUrl(url) || url.length() > Rules.MAX_URL) {
                continue; // not a link the registry can hold or check; the audit misses nothing it could read
            }
            String format = Rules.format(r.path("format").asText(null));
            if (format != null && !Rules.validFormat(format)) {
                format = null;
            }
            if (format != null) {
                formats.add(format);
            }
            String rn = text(r.path("name").asText(null));
            links.add(new Link(rn == null || rn.length() > Rules.MAX_TITLE ? null : rn, format, url));
        }
        Dataset d = new Dataset(0, identifier, title, text(p.path("notes").asText(null)),
                language(first(extras.get("language"), p.path("language").asText(null))), List.copyOf(formats),
                text(extras.get("compression")), PassportTimes.fromCkan(first(extras.get("first_published"),
                        p.path("metadata_created").asText(null)), zone),
                PassportTimes.fromCkan(first(extras.get("last_modified"), p.path("metadata_modified").asText(null)), zone),
                date(extras.get("actuality_date")), frequency, keywords, List.of(),
                text(p.path("maintainer").asText(null)), text(p.path("maintainer_email").asText(null)),
                text(extras.get("legal_basis")),
                text(first(p.path("purpose_of_collecting_information").asText(null),
                        extras.get("purpose_of_collecting_information"))),
                0, null, tags, structure(extras.get("structure")), null, false, null, null);
        return new Incoming(id, name, title, d, links, errors);
    }

    /**
     * The dataset the import writes: the package's fields, each one CKAN leaves empty kept from
     * {@code stored} (so a field the portal has no key for is never erased), the registry's own
     * fields (links, obligation, published) kept; a new dataset is not published here until a
     * steward decides.
     */
    static Dataset merge(Dataset in, Dataset stored, long managerId) {
        if (stored == null) {
            return new Dataset(0, in.identifier(), in.title(), in.description(), in.language(), in.formats(),
                    in.compression(), in.firstPublishedAt(), in.lastModifiedAt(), in.actualityDate(), in.frequency(),
                    in.keywords(), List.of(), in.responsiblePerson(), in.responsibleEmail(), in.legalBasis(),
                    in.purpose(), managerId, null, in.tags(), in.structure(), null, false, null, null);
        }
        return new Dataset(stored.id(), in.identifier(), or(in.title(), stored.title()),
                or(in.description(), stored.description()), or(in.language(), stored.language()),
                in.formats().isEmpty() ? stored.formats() : in.formats(), or(in.compression(), stored.compression()),
                or(in.firstPublishedAt(), stored.firstPublishedAt()), or(in.lastModifiedAt(), stored.lastModifiedAt()),
                or(in.actualityDate(), stored.actualityDate()), or(in.frequency(), stored.frequency()),
                in.keywords().isEmpty() ? stored.keywords() : in.keywords(), stored.links(),
                or(in.responsiblePerson(), stored.responsiblePerson()),
                or(in.responsibleEmail(), stored.responsibleEmail()), or(in.legalBasis(), stored.legalBasis()),
                or(in.purpose(), stored.purpose()), managerId, null, in.tags().isEmpty() ? stored.tags() : in.tags(),
                in.structure().isEmpty() ? stored.structure() : in.structure(), stored.obligationId(),
                stored.published(), stored.providerModule(), stored.updatedAt(), stored.createdAt(), stored.version());
    }

    /** The passport labels of the fields {@code merged} changes in {@code stored}. */
    static List<String> changedFields(Dataset stored, Dataset merged) {
        List<Field> fields = List.of(new Field(Passport.TITLE, stored.title(), merged.title()),
                new Field(Passport.DESCRIPTION, stored.description(), merged.description()),
                new Field(Passport.LANGUAGE, stored.language(), merged.language()),
                new Field(Passport.FORMATS, stored.formats(), merged.formats()),
                new Field(Passport.COMPRESSION, stored.compression(), merged.compression()),
                new Field(Passport.FIRST_PUBLISHED, stored.firstPublishedAt(), merged.firstPublishedAt()),
                new Field(Passport.LAST_MODIFIED, stored.lastModifiedAt(), merged.lastModifiedAt()),
                new Field(Passport.ACTUALITY, stored.actualityDate(), merged.actualityDate()),
                new Field(Passport.FREQUENCY, stored.frequency(), merged.frequency()),
                new Field(Passport.KEYWORDS, stored.keywords(), merged.keywords()),
                new Field(Passport.RESPONSIBLE, stored.responsiblePerson(), merged.responsiblePerson()),
                new Field(Passport.EMAIL, stored.responsibleEmail(), merged.responsibleEmail()),
                new Field(Passport.LEGAL_BASIS, stored.legalBasis(), merged.legalBasis()),
                new Field(Passport.PURPOSE, stored.purpose(), merged.purpose()),
                new Field(Passport.MANAGER, stored.managerId(), merged.managerId()),
                new Field(Passport.TAGS, stored.tags(), merged.tags()),
                new Field(Passport.STRUCTURE, stored.structure(), merged.structure()));
        return fields.stream().filter(Field::changed).map(Field::label).toList();
    }

    private List<StructureField> structure(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        try {
            List<StructureField> out = new ArrayList<>();
            for (JsonNode f : json.readTree(text)) {
                out.add(new StructureField(f.path("name").asText(null), f.path("title").asText(null),
                        f.path("type").asText(null), f.path("required").asBoolean(false)));
            }
            return out;
        } catch (java.io.IOException e) {
            return List.of(); // a structure written as prose: the passport simply has none to compare
        }
    }

    /** A language code; data.gov.ua writes the language's name ("Українська") instead. */
    private static String language(String text) {
        String t = text(text);
        if (t == null) {
            return null;
        }
        String l = t.toLowerCase(Locale.ROOT);
        if (l.matches("[a-z]{2,3}(-[a-z]{2})?")) {
            return l;
        }
        if (l.startsWith("україн") || l.startsWith("ukrain")) {
            return "uk";
        }
        if (l.startsWith("англ") || l.startsWith("english")) {
            return "en";
        }
        return null;
    }

    /** A date from "2024-03-01" or CKAN's "2024-03-01T10:00:00.000000"; anything else is no date. */
    private static LocalDate date(String text) {
        String t = text(text);
        if (t == null || t.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(t.substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static List<String> split(String text) {
        return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    private static String first(String a, String b) {
        String t = text(a);
        return t != null ? t : text(b);
    }

    private static String text(String s) {
        return Rules.strip(s);
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
