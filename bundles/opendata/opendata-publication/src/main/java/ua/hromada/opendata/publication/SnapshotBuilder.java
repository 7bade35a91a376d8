package ua.hromada.opendata.publication;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;

import ua.hromada.opendata.api.DataManager;
import ua.hromada.opendata.api.Dataset;
import ua.hromada.opendata.api.DatasetQuery;
import ua.hromada.opendata.api.DatasetRegistry;
import ua.hromada.opendata.api.Resource;
import ua.hromada.opendata.publication.ckan.CkanJson;

/** Reads the published part of the registry (through {@link DatasetRegistry} only) into a {@link Snapshot}. */
public final class SnapshotBuilder {

    private static final int PAGE = 1000;

    private SnapshotBuilder() {
    }

    public static Snapshot build(DatasetRegistry registry, PublicationSettings settings, ObjectMapper json,
            long version) {
        Instant builtAt = Instant.now();
        // every published dataset, page by page (the registry pages by title; ids keep repeats out)
        Map<Long, Dataset> byId = new LinkedHashMap<>();
        for (int offset = 0;; offset += PAGE) {
            List<Dataset> page = registry.published(new DatasetQuery(null, null, null, null, Boolean.TRUE, null, offset,
                    PAGE));
            for (Dataset d : page) {
                if (d.published()) {
                    byId.putIfAbsent(d.id(), d);
                }
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        List<Dataset> datasets = new ArrayList<>(byId.values());
        datasets.sort(Comparator.comparing(Dataset::identifier));

        Map<Long, List<Resource>> resources = new HashMap<>();
        Map<Long, DataManager> managers = new HashMap<>();
        for (Dataset d : datasets) {
            resources.put(d.id(), registry.resources(d.id()));
            if (!managers.containsKey(d.managerId())) {
                Optional<DataManager> m = registry.manager(d.managerId());
                managers.put(d.managerId(), m.orElseGet(() -> new DataManager(d.managerId(), d.managerName(), null,
                        null, null, null, null, null)));
            }
        }

        // organisations: managers with published datasets, with their counts and first publication
        Map<Long, Integer> counts = new HashMap<>();
        Map<Long, Instant> firstCreated = new HashMap<>();
        Map<Long, Instant> created = new HashMap<>();
        Map<Long, Instant> modified = new HashMap<>();
        for (Dataset d : datasets) {
            // created never moves: the first publication, else when the registry first held the dataset
            Instant c = d.firstPublishedAt() != null ? d.firstPublishedAt().atZone(settings.zone()).toInstant()
                    : d.createdAt() != null ? d.createdAt() : d.updatedAt();
            Instant m = d.updatedAt();
            for (Resource r : resources.get(d.id())) {
                if (r.modified() != null && (m == null || r.modified().isAfter(m))) {
                    m = r.modified();
                }
            }
            if (m == null) {
                m = c;
            }
            if (c == null) {
                c = m == null ? builtAt : m;
                m = m == null ? c : m;
            }
            created.put(d.id(), c);
            modified.put(d.id(), m);
            counts.merge(d.managerId(), 1, Integer::sum);
            firstCreated.merge(d.managerId(), c, (a, b) -> a.isBefore(b) ? a : b);
        }
        Map<Long, Organization> orgs = new HashMap<>();
        Set<String> orgNames = new HashSet<>();
        for (Map.Entry<Long, Integer> e : counts.entrySet()) {
            DataManager m = managers.get(e.getKey());
            String name = m.edrpou() != null && !m.edrpou().isBlank() ? m.edrpou().strip() : "manager-" + m.id();
            if (!orgNames.add(name)) {
                name = "manager-" + m.id();
                orgNames.add(name);
            }
            orgs.put(e.getKey(), new Organization(m, Ids.organization(settings, m.id()), name, e.getValue(),
                    firstCreated.get(e.getKey())));
        }
        List<Organization> organizations = new ArrayList<>(orgs.values());
        organizations.sort(Comparator.comparing(Organization::title).thenComparing(Organization::name));

        CkanJson ckan = new CkanJson(json, settings);
        List<PublishedDataset> published = new ArrayList<>(datasets.size());
        List<String> packageJson = new ArrayList<>(datasets.size());
        for (Dataset d : datasets) {
            List<Distribution> distributions = distributions(settings, d, resources.get(d.id()));
            Set<String> formats = new LinkedHashSet<>();
            for (Distribution dist : distributions) {
                if (dist.format() != null) {
                    formats.add(dist.format());
                }
            }
            // only what is really there: a format the passport promises without a file is not offered
            // (CKAN's res_format and the public page's format filter)
            PublishedDataset p = new PublishedDataset(published.size(), d, Ids.dataset(settings, d.id()),
                    orgs.get(d.managerId()), distributions, created.get(d.id()), modified.get(d.id()),
                    List.copyOf(formats));
            published.add(p);
            packageJson.add(ckan.write(ckan.pkg(p)));
        }
        return new Snapshot(version, builtAt, settings, published, packageJson, organizations);
    }

    /** The resources, then the passport's links that no resource already points at. */
    static List<Distribution> distributions(PublicationSettings s, Dataset d, List<Resource> resources) {
        List<Distribution> out = new ArrayList<>();
        Set<String> urls = new HashSet<>();
        for (Resource r : resources) {
            String format = Formats.normalize(r.format());
            if (format == null) {
                format = Formats.ofName(r.uploaded() ? r.fileName() : r.url());
            }
            String mediaType = r.mediaType() == null || r.mediaType().isBlank() ? Formats.mediaType(format)
                    : r.mediaType();
            String url = r.uploaded() ? s.url(downloadPath(r.id())) : r.url();
            if (!r.uploaded()) {
                urls.add(r.url());
            }
            out.add(new Distribution(Ids.resource(s, r.id()), r, r.name(), r.description(), url, format, mediaType,
                    r.size(), r.sha256(), r.modified() == null ? d.updatedAt() : r.modified(), out.size()));
        }
        int link = 0;
        for (String url : d.links()) {
            link++;
            if (url == null || url.isBlank() || urls.contains(url) || !(url.startsWith("http://")
                    || url.startsWith("https://"))) {
                continue;
            }
            String format = Formats.ofName(url);
            String path = url.replaceFirst("[?#].*$", "");
            String name = path.substring(path.lastIndexOf('/') + 1);
            out.add(new Distribution(Ids.link(s, d.id(), link), null, name.isBlank() ? url : name, null, url, format,
                    Formats.mediaType(format), null, null, d.updatedAt(), out.size()));
        }
        return out;
    }

    /** Where an uploaded resource is downloaded, relative to the base URL. */
    public static String downloadPath(long resourceId) {
        return "/api/opendata/resources/" + resourceId + "/download";
    }
}
