package ua.hromada.opendata.publication.dcat;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

import ua.hromada.opendata.api.DataManager;
import ua.hromada.opendata.api.Dataset;
import ua.hromada.opendata.api.UpdateFrequency;
import ua.hromada.opendata.publication.Distribution;
import ua.hromada.opendata.publication.Formats;
import ua.hromada.opendata.publication.Organization;
import ua.hromada.opendata.publication.PublicationSettings;
import ua.hromada.opendata.publication.PublishedDataset;
import ua.hromada.opendata.publication.Snapshot;
import ua.hromada.opendata.publication.ui.PublicPages;

/**
 * The published registry as a DCAT-AP 3.0.1 catalogue: dcat:Catalog with its publisher, every
 * published dcat:Dataset (publisher = its data manager as foaf:Agent, contact point as vCard,
 * frequency, language and file types from the EU vocabularies, media types from IANA, dates and
 * times typed xsd:dateTime) and their dcat:Distributions (licence, size, SHA-256 checksum).
 * Every object the shapes constrain by class is typed in the graph, so it conforms to
 * {@code shapes.ttl} and {@code range.ttl}.
 */
public final class DcatCatalog {

    public static final String DCAT = "http://www.w3.org/ns/dcat#";
    public static final String DCT = "http://purl.org/dc/terms/";
    public static final String FOAF = "http://xmlns.com/foaf/0.1/";
    public static final String VCARD = "http://www.w3.org/2006/vcard/ns#";
    public static final String SPDX = "http://spdx.org/rdf/terms#";
    public static final String SKOS = "http://www.w3.org/2004/02/skos/core#";
    public static final String DCATAP = "http://data.europa.eu/r5r/";
    static final String AUTHORITY = "http://publications.europa.eu/resource/authority/";
    public static final String FREQUENCY = AUTHORITY + "frequency/";
    public static final String LANGUAGE = AUTHORITY + "language/";

    /** The national frequencies in the EU frequency vocabulary. */
    static final Map<UpdateFrequency, String> FREQUENCIES = Map.of(UpdateFrequency.MORE_THAN_DAILY, "UPDATE_CONT",
            UpdateFrequency.DAILY, "DAILY", UpdateFrequency.WEEKLY, "WEEKLY", UpdateFrequency.MONTHLY, "MONTHLY",
            UpdateFrequency.QUARTERLY, "QUARTERLY", UpdateFrequency.HALF_YEARLY, "ANNUAL_2", UpdateFrequency.YEARLY,
            "ANNUAL", UpdateFrequency.ON_CHANGE, "IRREG", UpdateFrequency.NO_LONGER_UPDATED, "NEVER");

    /** ISO 639-1 -> the EU language authority's code. */
    static final Map<String, String> LANGUAGES = Map.of("uk", "UKR", "en", "ENG", "ru", "RUS", "pl", "POL", "de", "DEU",
            "fr", "FRA", "crh", "CRH", "ro", "RON", "hu", "HUN", "be", "BEL");

    private final Model m = ModelFactory.createDefaultModel();
    private final PublicationSettings settings;
    private final String lang;

    private DcatCatalog(PublicationSettings settings) {
        this.settings = settings;
        this.lang = settings.language();
        m.setNsPrefix("dcat", DCAT);
        m.setNsPrefix("dct", DCT);
        m.setNsPrefix("foaf", FOAF);
        m.setNsPrefix("vcard", VCARD);
        m.setNsPrefix("spdx", SPDX);
        m.setNsPrefix("skos", SKOS);
        m.setNsPrefix("dcatap", DCATAP);
        m.setNsPrefix("xsd", "http://www.w3.org/2001/XMLSchema#");
        m.setNsPrefix("rdfs", RDFS.getURI());
    }

    /** The catalogue's IRI. */
    public static String catalogIri(PublicationSettings s) {
        return s.url("/catalog");
    }

    public static Model build(Snapshot s) {
        DcatCatalog c = new DcatCatalog(s.settings());
        c.catalog(s);
        return c.m;
    }

    private void catalog(Snapshot s) {
        Resource catalog = m.createResource(catalogIri(settings), type("dcat", "Catalog"));
        catalog.addProperty(p(DCT, "title"), settings.catalogTitle(), lang);
        catalog.addProperty(p(DCT, "description"), settings.catalogDescription(), lang);
        Resource publisher = agent(settings.publisherUri(), settings.publisherName(), null);
        catalog.addProperty(p(DCT, "publisher"), publisher);
        catalog.addProperty(p(FOAF, "homepage"), document(settings.url("/" + PublicPages.ROUTE)));
        catalog.addProperty(p(DCT, "license"), license());
        Resource language = language(lang);
        if (language != null) {
            catalog.addProperty(p(DCT, "language"), language);
        }
        Instant modified = null;
        for (PublishedDataset d : s.datasets()) {
            catalog.addProperty(p(DCAT, "dataset"), dataset(d));
            modified = modified == null || d.modified().isAfter(modified) ? d.modified() : modified;
        }
        if (modified != null) {
            catalog.addLiteral(p(DCT, "modified"), dateTime(modified));
        }
    }

    private Resource dataset(PublishedDataset p) {
        Dataset d = p.dataset();
        Resource r = m.createResource(settings.url("/catalog/dataset/" + p.name()), type("dcat", "Dataset"));
        r.addProperty(p(DCT, "identifier"), d.identifier());
        r.addProperty(p(DCT, "title"), d.title(), lang(d));
        r.addProperty(p(DCT, "description"), d.description() == null || d.description().isBlank() ? d.title()
                : d.description(), lang(d));
        Set<String> keywords = new LinkedHashSet<>(d.keywords());
        keywords.addAll(d.tags());
        for (String k : keywords) {
            if (k != null && !k.isBlank()) {
                r.addProperty(p(DCAT, "keyword"), k.strip(), lang(d));
            }
        }
        Organization org = p.organization();
        DataManager manager = org.manager();
        r.addProperty(p(DCT, "publisher"), agent(settings.url("/catalog/organization/" + org.name()), manager.name(),
                manager.edrpou()));
        Resource contact = contact(d.responsiblePerson() != null ? d.responsiblePerson() : manager.responsiblePerson(),
                d.responsibleEmail() != null ? d.responsibleEmail() : manager.email(), manager.name());
        r.addProperty(p(DCAT, "contactPoint"), contact);
        if (d.frequency() != null) {
            Resource f = m.createResource(FREQUENCY + FREQUENCIES.get(d.frequency()), type("dct", "Frequency"));
            f.addProperty(p(SKOS, "inScheme"), m.createResource(AUTHORITY + "frequency"));
            r.addProperty(p(DCT, "accrualPeriodicity"), f);
        }
        Resource language = language(lang(d));
        if (language != null) {
            r.addProperty(p(DCT, "language"), language);
        }
        // always an xsd:dateTime: the passport's date and time of first publication, else when the registry
        // first held the dataset (PublishedDataset.created)
        r.addLiteral(p(DCT, "issued"), dateTime(p.created()));
        r.addLiteral(p(DCT, "modified"), dateTime(p.modified()));
        r.addProperty(p(DCAT, "landingPage"), document(settings.url(PublicPages.datasetPath(p.name()))));
        Resource access = m.createResource(AUTHORITY + "access-right/PUBLIC", type("dct", "RightsStatement"));
        access.addProperty(p(SKOS, "inScheme"), m.createResource(AUTHORITY + "access-right"));
        r.addProperty(p(DCT, "accessRights"), access);
        if (d.legalBasis() != null && !d.legalBasis().isBlank() || d.purpose() != null && !d.purpose().isBlank()) {
            // the passport's legal basis and purpose of collection: free text, so a provenance statement
            Resource provenance = m.createResource(type("dct", "ProvenanceStatement"));
            if (d.legalBasis() != null && !d.legalBasis().isBlank()) {
                provenance.addProperty(RDFS.label, d.legalBasis(), lang(d));
            }
            if (d.purpose() != null && !d.purpose().isBlank()) {
                provenance.addProperty(RDFS.comment, d.purpose(), lang(d));
            }
            r.addProperty(p(DCT, "provenance"), provenance);
        }
        for (Distribution dist : p.distributions()) {
            r.addProperty(p(DCAT, "distribution"), distribution(p, dist));
        }
        return r;
    }

    private Resource distribution(PublishedDataset p, Distribution dist) {
        Resource r = m.createResource(settings.url("/catalog/distribution/" + dist.id()), type("dcat", "Distribution"));
        String landing = settings.url(PublicPages.datasetPath(p.name()));
        String url = iri(dist.url());
        r.addProperty(p(DCAT, "accessURL"), m.createResource(url != null ? url : landing));
        if (url != null && (dist.uploaded() || Formats.ofName(dist.url()) != null)) {
            r.addProperty(p(DCAT, "downloadURL"), m.createResource(url));
        }
        if (dist.name() != null && !dist.name().isBlank()) {
            r.addProperty(p(DCT, "title"), dist.name(), lang(p.dataset()));
        }
        if (dist.description() != null && !dist.description().isBlank()) {
            r.addProperty(p(DCT, "description"), dist.description(), lang(p.dataset()));
        }
        String fileType = Formats.fileTypeIri(dist.format());
        if (fileType != null) {
            Resource f = m.createResource(fileType, type("dct", "MediaTypeOrExtent"));
            f.addProperty(p(SKOS, "inScheme"), m.createResource(AUTHORITY + "file-type"));
            r.addProperty(p(DCT, "format"), f);
        }
        // the vocabulary names the type without parameters (a stored "; charset=windows-1251" is the download's)
        String mediaType = dist.mediaType() != null ? dist.mediaType().split(";")[0].strip()
                : Formats.mediaType(dist.format());
        if (mediaType != null && mediaType.matches("[a-z0-9.+-]+/[a-zA-Z0-9.+_-]+")) {
            r.addProperty(p(DCAT, "mediaType"), m.createResource(Formats.IANA + mediaType, type("dct", "MediaType")));
        }
        if (dist.size() != null && dist.size() >= 0) {
            r.addLiteral(p(DCAT, "byteSize"), m.createTypedLiteral(String.valueOf(dist.size()),
                    XSDDatatype.XSDnonNegativeInteger));
        }
        if (dist.sha256() != null && dist.sha256().matches("[0-9a-fA-F]{64}")) {
            Resource checksum = m.createResource(type("spdx", "Checksum"));
            checksum.addProperty(p(SPDX, "algorithm"), m.createResource(SPDX + "checksumAlgorithm_sha256"));
            checksum.addLiteral(p(SPDX, "checksumValue"), m.createTypedLiteral(dist.sha256().toLowerCase(Locale.ROOT),
                    XSDDatatype.XSDhexBinary));
            r.addProperty(p(SPDX, "checksum"), checksum);
        }
        if (dist.modified() != null) {
            r.addLiteral(p(DCT, "modified"), dateTime(dist.modified()));
        }
        r.addProperty(p(DCT, "license"), license());
        return r;
    }

    private Resource agent(String iri, String name, String edrpou) {
        Resource a = m.createResource(iri, type("foaf", "Agent"));
        if (!a.hasProperty(p(FOAF, "name"))) {
            a.addProperty(RDF.type, m.createResource(FOAF + "Organization"));
            a.addProperty(p(FOAF, "name"), name, lang);
            if (edrpou != null && !edrpou.isBlank()) {
                a.addProperty(p(DCT, "identifier"), edrpou);
            }
        }
        return a;
    }

    private Resource contact(String person, String email, String organisation) {
        Resource v = m.createResource(type("vcard", "Kind"));
        v.addProperty(RDF.type, m.createResource(VCARD + (person != null && !person.isBlank() ? "Individual"
                : "Organization")));
        v.addProperty(p(VCARD, "fn"), person != null && !person.isBlank() ? person : organisation);
        if (organisation != null) {
            v.addProperty(p(VCARD, "organization-name"), organisation);
        }
        if (email != null && email.contains("@") && iri("mailto:" + email.strip()) != null) {
            v.addProperty(p(VCARD, "hasEmail"), m.createResource("mailto:" + email.strip()));
        }
        return v;
    }

    private Resource license() {
        return m.createResource(settings.licenseUri(), type("dct", "LicenseDocument"));
    }

    private Resource document(String url) {
        return m.createResource(url, type("foaf", "Document"));
    }

    private Resource language(String iso) {
        String code = iso == null ? null : LANGUAGES.get(iso.toLowerCase(Locale.ROOT));
        if (code == null) {
            return null;
        }
        Resource l = m.createResource(LANGUAGE + code, type("dct", "LinguisticSystem"));
        l.addProperty(p(SKOS, "inScheme"), m.createResource(AUTHORITY + "language"));
        return l;
    }

    private String lang(Dataset d) {
        return d.language() == null || d.language().isBlank() ? lang : d.language().strip().toLowerCase(Locale.ROOT);
    }

    private Literal dateTime(Instant instant) {
        // ISO_OFFSET_DATE_TIME keeps ":00" seconds, which OffsetDateTime.toString() drops (xsd:dateTime needs them)
        return m.createTypedLiteral(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME
                .format(instant.atOffset(ZoneOffset.UTC).withNano(0)), XSDDatatype.XSDdateTime);
    }

    private Resource type(String prefix, String local) {
        return m.createResource(m.getNsPrefixURI(prefix) + local);
    }

    private Property p(String ns, String local) {
        return m.createProperty(ns, local);
    }

    /** An absolute http(s) or mailto IRI, with spaces and other unsafe characters escaped; null when unusable. */
    static String iri(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String u = url.strip().replace(" ", "%20").replace("\"", "%22").replace("<", "%3C").replace(">", "%3E")
                .replace("{", "%7B").replace("}", "%7D").replace("|", "%7C").replace("\\", "%5C").replace("^", "%5E")
                .replace("`", "%60");
        try {
            URI uri = new URI(u);
            return uri.isAbsolute() ? u : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
