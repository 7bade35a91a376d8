package ua.hromada.opendata.publication.ckan;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ua.hromada.opendata.api.DataManager;
import ua.hromada.opendata.api.Dataset;
import ua.hromada.opendata.api.StructureField;
import ua.hromada.opendata.publication.Distribution;
import ua.hromada.opendata.publication.Ids;
import ua.hromada.opendata.publication.Organization;
import ua.hromada.opendata.publication.PublicationSettings;
import ua.hromada.opendata.publication.PublishedDataset;
import ua.hromada.opendata.publication.ui.PublicPages;

/**
 * CKAN's package, resource, organisation and tag dictionaries (the shapes of CKAN 2.9+'s
 * {@code package_show} & co.). Passport fields CKAN has no key for go into {@code extras};
 * the four that data.gov.ua's CKAN (ckanext-dgua) shows at the top level are there too, under its
 * names: {@code update_frequency}, {@code purpose_of_collecting_information}, {@code language},
 * {@code tag_string}.
 */
public final class CkanJson {

    /** CKAN's timestamps: UTC without a zone, microseconds. */
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS")
            .withZone(ZoneOffset.UTC);

    private final ObjectMapper json;
    private final PublicationSettings settings;

    public CkanJson(ObjectMapper json, PublicationSettings settings) {
        this.json = json;
        this.settings = settings;
    }

    public static String time(Instant instant) {
        return instant == null ? null : TIME.format(instant);
    }

    /** A passport date and time (the community's clock) as CKAN writes its own times. */
    private String time(LocalDateTime at) {
        return at == null ? null : time(at.atZone(settings.zone()).toInstant());
    }

    public String write(Object node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public ObjectNode pkg(PublishedDataset p) {
        Dataset d = p.dataset();
        DataManager m = p.organization().manager();
        ObjectNode n = json.createObjectNode();
        n.put("author", m.name());
        n.put("author_email", m.email());
        n.putNull("creator_user_id");
        n.set("extras", extras(p));
        n.putArray("groups");
        n.put("id", p.id());
        n.put("isopen", true);
        n.put("language", d.language() == null ? settings.language() : d.language());
        n.put("license_id", settings.licenseId());
        n.put("license_title", settings.licenseTitle());
        n.put("license_url", settings.licenseUri());
        n.put("maintainer", d.responsiblePerson());
        n.put("maintainer_email", d.responsibleEmail());
        n.put("metadata_created", time(p.created()));
        n.put("metadata_modified", time(p.modified()));
        n.put("name", p.name());
        n.put("notes", d.description());
        n.put("num_resources", p.distributions().size());
        n.put("num_tags", d.tags().size());
        n.set("organization", organization(p.organization(), false));
        n.put("owner_org", p.organization().id());
        n.put("private", false);
        n.put("purpose_of_collecting_information", d.purpose());
        n.putArray("relationships_as_object");
        n.putArray("relationships_as_subject");
        ArrayNode resources = n.putArray("resources");
        for (Distribution r : p.distributions()) {
            resources.add(resource(p, r));
        }
        n.put("state", "active");
        n.put("tag_string", String.join(",", d.keywords()));
        ArrayNode tags = n.putArray("tags");
        for (String t : d.tags()) {
            tags.add(tag(t));
        }
        n.put("title", d.title());
        n.put("type", "dataset");
        n.put("update_frequency", d.frequency() == null ? null : d.frequency().label());
        n.put("url", settings.url(PublicPages.datasetPath(p.name())));
        n.put("version", "");
        return n;
    }

    private ArrayNode extras(PublishedDataset p) {
        Dataset d = p.dataset();
        ArrayNode a = json.createArrayNode();
        extra(a, "actuality_date", d.actualityDate() == null ? null : d.actualityDate().toString());
        extra(a, "compression", d.compression());
        extra(a, "first_published", time(d.firstPublishedAt()));
        extra(a, "keywords", String.join(", ", d.keywords()));
        extra(a, "language", d.language());
        extra(a, "last_modified", time(d.lastModifiedAt()));
        extra(a, "legal_basis", d.legalBasis());
        extra(a, "publisherIdentifier", p.organization().manager().edrpou());
        extra(a, "purpose_of_collecting_information", d.purpose());
        extra(a, "structure", d.structure().isEmpty() ? null : write(structure(d.structure())));
        extra(a, "update_frequency", d.frequency() == null ? null : d.frequency().label());
        return a;
    }

    private ArrayNode structure(List<StructureField> fields) {
        ArrayNode a = json.createArrayNode();
        for (StructureField f : fields) {
            ObjectNode o = a.addObject();
            o.put("name", f.name());
            o.put("title", f.title());
            o.put("type", f.type());
            o.put("required", f.required());
        }
        return a;
    }

    private static void extra(ArrayNode a, String key, String value) {
        if (value != null && !value.isBlank()) {
            ObjectNode o = a.addObject();
            o.put("key", key);
            o.put("value", value);
        }
    }

    public ObjectNode resource(PublishedDataset p, Distribution r) {
        ObjectNode n = json.createObjectNode();
        n.putNull("cache_last_updated");
        n.putNull("cache_url");
        n.put("created", time(r.modified()));
        n.put("datastore_active", false);
        n.put("description", r.description() == null ? "" : r.description());
        n.put("format", r.format() == null ? "" : r.format());
        n.put("hash", r.sha256() == null ? "" : r.sha256());
        n.put("id", r.id());
        n.put("last_modified", time(r.modified()));
        n.put("metadata_modified", time(r.modified()));
        n.put("mimetype", r.mediaType());
        n.putNull("mimetype_inner");
        n.put("name", r.name());
        n.put("package_id", p.id());
        n.put("position", r.position());
        n.putNull("resource_type");
        if (r.size() == null) {
            n.putNull("size");
        } else {
            n.put("size", r.size());
        }
        n.put("state", "active");
        n.put("url", r.url());
        if (r.uploaded()) {
            n.put("url_type", "upload");
        } else {
            n.putNull("url_type");
        }
        return n;
    }

    /** The organisation; {@code full} adds what organization_show/organization_list(all_fields) give. */
    public ObjectNode organization(Organization o, boolean full) {
        DataManager m = o.manager();
        ObjectNode n = json.createObjectNode();
        n.put("approval_status", "approved");
        n.put("created", time(o.created()));
        n.put("description", "");
        if (full) {
            n.put("display_name", o.title());
            ArrayNode extras = n.putArray("extras");
            extra(extras, "edrpou", m.edrpou());
            extra(extras, "parent", m.parentName());
            extra(extras, "responsible_person", m.responsiblePerson());
            extra(extras, "email", m.email());
            extra(extras, "phone", m.phone());
            n.putArray("groups");
        }
        n.put("id", o.id());
        if (full) {
            n.put("image_display_url", "");
        }
        n.put("image_url", "");
        n.put("is_organization", true);
        n.put("name", o.name());
        if (full) {
            n.put("num_followers", 0);
            n.put("package_count", o.packageCount());
            n.putArray("tags");
        }
        n.put("state", "active");
        n.put("title", o.title());
        n.put("type", "organization");
        return n;
    }

    public ObjectNode tag(String name) {
        ObjectNode n = json.createObjectNode();
        n.put("display_name", name);
        n.put("id", Ids.tag(settings, name));
        n.put("name", name);
        n.put("state", "active");
        n.putNull("vocabulary_id");
        return n;
    }
}
