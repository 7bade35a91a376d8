package ua.hromada.opendata.publication;

import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * An immutable copy of the published registry with the indexes the CKAN search, the DCAT
 * catalogue and the public page read: posting lists per field value and word, the orders of
 * every sort key, and each package's CKAN JSON written once. Rebuilt as a whole when the registry
 * changes, so readers never lock.
 */
public final class Snapshot {

    /** The fields the search can filter on, by their CKAN (Solr) names. */
    public static final List<String> FIELDS = List.of("organization", "owner_org", "tags", "res_format", "name", "id",
            "license_id", "groups", "text", "title");

    /** Sort keys, each with its ascending order of dataset indexes. */
    public enum SortKey {
        NAME("name"), TITLE("title_string"), ID("id"), MODIFIED("metadata_modified"), CREATED("metadata_created");

        public final String field;

        SortKey(String field) {
            this.field = field;
        }

        public static Optional<SortKey> of(String field) {
            for (SortKey k : values()) {
                if (k.field.equals(field)) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        }
    }

    private final long version;
    private final Instant builtAt;
    private final PublicationSettings settings;
    private final List<PublishedDataset> datasets;
    private final List<String> packageJson;
    /** The same JSON as UTF-8 bytes, written into answers without encoding it again. */
    private final SerializedString[] packageRaw;
    private final List<Organization> organizations;
    private final Map<String, PublishedDataset> byName = new HashMap<>();
    private final Map<String, PublishedDataset> byId = new HashMap<>();
    private final Map<String, Organization> orgsByKey = new HashMap<>();
    private final Map<String, Located> distributionsById = new HashMap<>();
    private final Map<Long, Located> distributionsByResource = new HashMap<>();
    /** field -> lower-case value -> ascending dataset indexes */
    private final Map<String, NavigableMap<String, int[]>> postings = new HashMap<>();
    private final Map<SortKey, int[]> orders = new HashMap<>();
    private final Map<SortKey, int[]> ranks = new HashMap<>();
    private final Map<String, Facet> facets = new HashMap<>();
    /** tag -> number of published datasets, most used first, then by name */
    private final Map<String, Integer> tagCounts;

    /** The fields CKAN can count values of ({@code facet.field}). */
    public static final List<String> FACET_FIELDS = List.of("organization", "tags", "res_format", "license_id",
            "groups");

    /**
     * Values of a facet field: the distinct values (as published) and, per dataset index, the
     * positions of its values in that list.
     */
    public record Facet(List<String> values, int[][] datasetValues) {
    }

    /** A distribution with the dataset it belongs to. */
    public record Located(PublishedDataset dataset, Distribution distribution) {
    }

    Snapshot(long version, Instant builtAt, PublicationSettings settings, List<PublishedDataset> datasets,
            List<String> packageJson, List<Organization> organizations) {
        this.version = version;
        this.builtAt = builtAt;
        this.settings = settings;
        this.datasets = List.copyOf(datasets);
        this.packageJson = List.copyOf(packageJson);
        this.packageRaw = new SerializedString[packageJson.size()];
        for (int i = 0; i < packageRaw.length; i++) {
            packageRaw[i] = new SerializedString(packageJson.get(i));
            packageRaw[i].asUnquotedUTF8();
        }
        this.organizations = List.copyOf(organizations);
        for (Organization o : organizations) {
            orgsByKey.put(o.id(), o);
            orgsByKey.put(o.name(), o);
        }
        Map<String, Map<String, List<Integer>>> lists = new HashMap<>();
        Map<String, Integer> tags = new HashMap<>();
        for (PublishedDataset d : this.datasets) {
            byName.put(d.name(), d);
            byId.put(d.id(), d);
            for (Distribution dist : d.distributions()) {
                Located located = new Located(d, dist);
                distributionsById.put(dist.id(), located);
                if (dist.resource() != null) {
                    distributionsByResource.put(dist.resource().id(), located);
                }
            }
            int i = d.index();
            add(lists, "organization", d.organization().name(), i);
            add(lists, "owner_org", d.organization().id(), i);
            add(lists, "name", d.name(), i);
            add(lists, "id", d.id(), i);
            add(lists, "license_id", settings.licenseId(), i);
            for (String tag : d.dataset().tags()) {
                add(lists, "tags", tag, i);
                tags.merge(tag, 1, Integer::sum);
            }
            for (String f : d.formats()) {
                add(lists, "res_format", f, i);
            }
            for (String w : Text.words(d.dataset().title())) {
                add(lists, "title", w, i);
                add(lists, "text", w, i);
            }
            StringBuilder text = new StringBuilder();
            text.append(d.name()).append(' ').append(d.dataset().description()).append(' ')
                    .append(String.join(" ", d.dataset().keywords())).append(' ')
                    .append(String.join(" ", d.dataset().tags())).append(' ').append(d.organization().title())
                    .append(' ').append(String.join(" ", d.formats()));
            for (Distribution dist : d.distributions()) {
                text.append(' ').append(dist.name());
            }
            for (String w : Text.words(text.toString())) {
                add(lists, "text", w, i);
            }
        }
        for (Map.Entry<String, Map<String, List<Integer>>> field : lists.entrySet()) {
            NavigableMap<String, int[]> values = new TreeMap<>();
            for (Map.Entry<String, List<Integer>> v : field.getValue().entrySet()) {
                values.put(v.getKey(), v.getValue().stream().mapToInt(Integer::intValue).distinct().toArray());
            }
            postings.put(field.getKey(), Collections.unmodifiableNavigableMap(values));
        }
        orders.put(SortKey.NAME, order(Comparator.comparing(PublishedDataset::name)));
        orders.put(SortKey.TITLE, order(Comparator.comparing((PublishedDataset d) -> d.dataset().title())
                .thenComparing(PublishedDataset::name)));
        orders.put(SortKey.ID, order(Comparator.comparing(PublishedDataset::id)));
        orders.put(SortKey.MODIFIED, order(Comparator.comparing(PublishedDataset::modified)
                .thenComparing(PublishedDataset::name)));
        orders.put(SortKey.CREATED, order(Comparator.comparing(PublishedDataset::created)
                .thenComparing(PublishedDataset::name)));
        for (SortKey key : SortKey.values()) {
            int[] order = orders.get(key);
            int[] rank = new int[order.length];
            for (int r = 0; r < order.length; r++) {
                rank[order[r]] = r;
            }
            ranks.put(key, rank);
        }
        facets.put("organization", facet(d -> List.of(d.organization().name())));
        facets.put("tags", facet(d -> d.dataset().tags()));
        facets.put("res_format", facet(PublishedDataset::formats));
        facets.put("license_id", facet(d -> List.of(settings.licenseId())));
        facets.put("groups", facet(d -> List.of()));
        LinkedHashMap<String, Integer> sorted = new LinkedHashMap<>();
        tags.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        this.tagCounts = Collections.unmodifiableMap(sorted);
    }

    private static void add(Map<String, Map<String, List<Integer>>> lists, String field, String value, int index) {
        if (value == null || value.isBlank()) {
            return;
        }
        lists.computeIfAbsent(field, k -> new HashMap<>())
                .computeIfAbsent(Text.lower(value), k -> new java.util.ArrayList<>()).add(index);
    }

    private Facet facet(java.util.function.Function<PublishedDataset, List<String>> valuesOf) {
        Map<String, Integer> ids = new LinkedHashMap<>();
        int[][] perDataset = new int[datasets.size()][];
        for (PublishedDataset d : datasets) {
            List<String> values = valuesOf.apply(d);
            int[] v = new int[values.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = ids.computeIfAbsent(values.get(i), k -> ids.size());
            }
            perDataset[d.index()] = v;
        }
        return new Facet(List.copyOf(ids.keySet()), perDataset);
    }

    private int[] order(Comparator<PublishedDataset> comparator) {
        return datasets.stream().sorted(comparator).mapToInt(PublishedDataset::index).toArray();
    }

    /**
     * Whether the other copy publishes exactly what this one does (settings, datasets with their
     * distributions, organisations, the packages' JSON): a reader could not tell the two apart.
     */
    boolean sameAs(Snapshot other) {
        return settings.equals(other.settings) && datasets.equals(other.datasets)
                && organizations.equals(other.organizations) && packageJson.equals(other.packageJson);
    }

    public long version() {
        return version;
    }

    public Instant builtAt() {
        return builtAt;
    }

    public PublicationSettings settings() {
        return settings;
    }

    /** Every published dataset, by identifier. */
    public List<PublishedDataset> datasets() {
        return datasets;
    }

    public int size() {
        return datasets.size();
    }

    /** The package's CKAN JSON, written when the snapshot was built. */
    public String packageJson(int index) {
        return packageJson.get(index);
    }

    /** The package's CKAN JSON as prepared UTF-8, for {@code JsonGenerator.writeRawValue}. */
    public SerializableString packageRaw(int index) {
        return packageRaw[index];
    }

    /** By the public id (UUID) or the name (identifier). */
    public Optional<PublishedDataset> dataset(String idOrName) {
        if (idOrName == null) {
            return Optional.empty();
        }
        PublishedDataset d = byId.get(idOrName.strip());
        return Optional.ofNullable(d != null ? d : byName.get(Text.lower(idOrName)));
    }

    /** Data managers with at least one published dataset, by title. */
    public List<Organization> organizations() {
        return organizations;
    }

    /** By the public id (UUID) or the name. */
    public Optional<Organization> organization(String idOrName) {
        if (idOrName == null) {
            return Optional.empty();
        }
        Organization o = orgsByKey.get(idOrName.strip());
        return Optional.ofNullable(o != null ? o : orgsByKey.get(Text.lower(idOrName)));
    }

    public Optional<Located> distribution(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(distributionsById.get(id.strip()));
    }

    /** The published distribution of a registry resource (none when its dataset is not published). */
    public Optional<Located> distributionOfResource(long resourceId) {
        return Optional.ofNullable(distributionsByResource.get(resourceId));
    }

    /** Tag -> datasets, most used first. */
    public Map<String, Integer> tagCounts() {
        return tagCounts;
    }

    /** Values of a field (lower case) with their ascending dataset indexes; empty for unknown fields. */
    public NavigableMap<String, int[]> postings(String field) {
        return postings.getOrDefault(field, Collections.emptyNavigableMap());
    }

    /** Position of each dataset (by index) in the ascending order of the key. */
    public int[] rank(SortKey key) {
        return ranks.get(key);
    }

    /** The values of a facet field, or null when the field cannot be counted. */
    public Facet facet(String field) {
        return facets.get(field);
    }

    /** Dataset indexes in ascending order of the key. */
    public int[] order(SortKey key) {
        return orders.get(key);
    }
}
