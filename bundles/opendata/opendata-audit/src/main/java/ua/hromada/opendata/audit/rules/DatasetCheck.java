package ua.hromada.opendata.audit.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import ua.hromada.opendata.api.Dataset;
import ua.hromada.opendata.api.Resource;
import ua.hromada.opendata.api.StructureField;

/**
 * One dataset under check with its resources. The bytes of an uploaded file are read at most once
 * per run, streamed, and only for the CSV and PDF rules.
 */
public final class DatasetCheck {

    /** The bytes of an uploaded resource. */
    @FunctionalInterface
    public interface ContentSource {
        Optional<InputStream> open(long resourceId);
    }

    private final Dataset dataset;
    private final List<Resource> resources;
    private final LocalDate today;
    private final Texts texts;
    private final ContentSource content;
    private final long pdfMaxBytes;
    private final LinkChecker links;
    private final Map<Long, Optional<CsvProfile>> csv = new HashMap<>();
    private final Map<Long, Optional<PdfProfile>> pdf = new HashMap<>();

    /** @param links null when link checks are off */
    public DatasetCheck(Dataset dataset, List<Resource> resources, LocalDate today, Texts texts, ContentSource content,
            long pdfMaxBytes, LinkChecker links) {
        this.dataset = dataset;
        this.resources = List.copyOf(resources);
        this.today = today;
        this.texts = texts;
        this.content = content;
        this.pdfMaxBytes = pdfMaxBytes;
        this.links = links;
    }

    public Dataset dataset() {
        return dataset;
    }

    public List<Resource> resources() {
        return resources;
    }

    public LocalDate today() {
        return today;
    }

    public Texts texts() {
        return texts;
    }

    public Optional<LinkChecker> links() {
        return Optional.ofNullable(links);
    }

    /** The profile of an uploaded CSV resource; empty for other resources or a missing file. */
    public Optional<CsvProfile> csv(Resource r) {
        if (!r.uploaded() || !Formats.isCsv(r)) {
            return Optional.empty();
        }
        return csv.computeIfAbsent(r.id(), id -> read(id, in -> CsvProfiler.profile(in, structureNames())));
    }

    /** The text-layer check of an uploaded PDF resource; empty for other resources or a missing file. */
    public Optional<PdfProfile> pdf(Resource r) {
        if (!r.uploaded() || !Formats.isPdf(r)) {
            return Optional.empty();
        }
        return pdf.computeIfAbsent(r.id(), id -> read(id, in -> PdfInspector.inspect(in, pdfMaxBytes)));
    }

    /** What the first bytes of an uploaded file say it is, when a CSV or PDF rule has read it. */
    public Optional<Sniff> sniffed(Resource r) {
        Optional<CsvProfile> c = csv(r);
        if (c.isPresent()) {
            return Optional.of(c.get().kind());
        }
        return pdf(r).map(PdfProfile::kind);
    }

    private Set<String> structureNames() {
        Set<String> names = new HashSet<>();
        for (StructureField f : dataset.structure()) {
            if (f.name() != null && !f.name().isBlank()) {
                names.add(f.name().strip().toLowerCase(Locale.ROOT));
            }
            if (f.title() != null && !f.title().isBlank()) {
                names.add(f.title().strip().toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }

    private <T> Optional<T> read(long resourceId, Reader<T> reader) {
        Optional<InputStream> stream = content.open(resourceId);
        if (stream.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream in = stream.get()) {
            return Optional.of(reader.read(in));
        } catch (IOException e) {
            throw new UncheckedIOException("resource " + resourceId + " could not be read", e);
        }
    }

    @FunctionalInterface
    private interface Reader<T> {
        T read(InputStream in) throws IOException;
    }
}
