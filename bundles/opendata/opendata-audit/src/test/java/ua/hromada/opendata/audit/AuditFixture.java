package ua.hromada.opendata.audit;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import com.lowagie.text.Document;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;

import ua.hromada.opendata.api.AuditRun;
import ua.hromada.opendata.api.DataManager;
import ua.hromada.opendata.api.Dataset;
import ua.hromada.opendata.api.Finding;
import ua.hromada.opendata.api.DatasetRegistry;
import ua.hromada.opendata.api.StructureField;
import ua.hromada.opendata.api.OutboundRequests;
import ua.hromada.opendata.api.UpdateFrequency;
import ua.hromada.opendata.service.OutboundForTests;
import ua.hromada.opendata.service.OpendataTestSetup;
import ua.hromada.portal.testing.MutableClock;
import ua.hromada.portal.api.jobs.JobProgress;
import ua.hromada.portal.testing.TestImages;
import ua.hromada.portal.testing.TestPortalSettings;

/**
 * The real registry (OpendataTestSetup) and the audit's schema on the same throw-away PostgreSQL
 * database, the audit services over them, and the files the rules judge, made here.
 */
final class AuditFixture implements AutoCloseable {
    final OpendataTestSetup registrySetup;
    final MutableClock clock = new MutableClock();
    final AuditDatabase db;
    final OpendataAuditImpl audit;
    final DataRequestsImpl requests;
    final AuditReportsImpl reports;
    final RuleExplanationsImpl explanations;
    private int managers;
    /** The shipped settings without link checks: a test fetches only from its own local server. */
    static final AuditSettings OFFLINE = AuditSettings.defaults().withLinks(false, Duration.ofSeconds(1), Duration.ofSeconds(1));
    /** Open data's outbound allow-list as shipped (public addresses only): every local server refused. */
    static final OutboundRequests NO_OUTBOUND = OutboundForTests.allowing();

    AuditFixture() {
        this(OFFLINE);
    }

    AuditFixture(AuditSettings settings) {
        this(settings, NO_OUTBOUND);
    }

    AuditFixture(AuditSettings settings, OutboundRequests outbound) {
        registrySetup = new OpendataTestSetup();
        // in Karaf the SchemaMigrations service runs these scripts (Flyway, same location)
        registrySetup.migrate(AuditDatabase.SCHEMA);
        db = new AuditDatabase(registrySetup.communityDataSource(), clock);
        audit = new OpendataAuditImpl(db, registrySetup.registry(), settings, registrySetup.jobs(),
                registrySetup.communities(), outbound);
        requests = new DataRequestsImpl(db, registrySetup.registry(), registrySetup.auditLog(),
                new TestPortalSettings().clocked(clock), RequestSettings.defaults());
        explanations = new RuleExplanationsImpl(db, registrySetup.auditLog());
        reports = new AuditReportsImpl(db, requests, registrySetup.registry(), settings, explanations);
    }

    DatasetRegistry registry() {
        return registrySetup.registry();
    }

    DataManager manager(String name) {
        managers++;
        return registrySetup.manager(name, OpendataTestSetup.edrpou(1_000_000 + managers));
    }

    /** A full passport (CSV, monthly, modified today, structure id/name), without links, not saved. */
    static Dataset passport(DataManager m, String identifier) {
        Dataset d = OpendataTestSetup.passport(m.id(), identifier, "Набір " + identifier);
        return with(d, d.lastModified(), d.frequency(), List.of(), d.structure(), true);
    }

    static Dataset with(Dataset d, LocalDate lastModified, UpdateFrequency frequency, List<String> links,
            List<StructureField> structure, boolean published) {
        return new Dataset(d.id(), d.identifier(), d.title(), d.description(), d.language(), d.formats(), d.compression(),
                d.firstPublished(), lastModified, d.actualityDate(), frequency, d.keywords(), links, d.responsiblePerson(),
                d.responsibleEmail(), d.legalBasis(), d.purpose(), d.managerId(), null, d.tags(), structure, d.obligationId(),
                published, null, null);
    }

    Dataset save(Dataset d) {
        return registry().saveDataset(registrySetup.steward, d);
    }

    /** A dataset with a full passport and a good CSV file: no rule finds anything. */
    Dataset good(DataManager m, String identifier) {
        Dataset d = save(passport(m, identifier));
        upload(d, "CSV", identifier + ".csv", GOOD_CSV.getBytes(StandardCharsets.UTF_8));
        return d;
    }

    void upload(Dataset d, String format, String fileName, byte[] content) {
        registry().upload(registrySetup.steward, d.id(), "Дані " + fileName, format, fileName, content);
    }

    AuditRun runAudit() {
        return audit.run(registrySetup.auditor, JobProgress.NONE);
    }

    List<Finding> findings(AuditRun run, Dataset d) {
        return audit.findings(run.id(), d.id(), null);
    }

    static final String GOOD_CSV = "id,name\r\n1,Полтава\r\n2,\"Кременчук, місто\"\r\n";

    static byte[] csv(String text, Charset charset) {
        return text.getBytes(charset);
    }

    /** A PDF whose page is only a picture (what a scanner makes). */
    static byte[] scannedPdf() {
        BufferedImage picture = new BufferedImage(300, 400, BufferedImage.TYPE_INT_RGB);
        var g = picture.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 300, 400);
        g.setColor(Color.DARK_GRAY);
        for (int y = 40; y < 360; y += 20) {
            g.fillRect(30, y, 240, 6); // lines of "text" as pixels
        }
        g.dispose();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Document doc = new Document(PageSize.A4);
            PdfWriter.getInstance(doc, out);
            doc.open();
            doc.add(Image.getInstance(TestImages.png(picture)));
            doc.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PDF with a text layer. */
    static byte[] textPdf() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4);
        PdfWriter.getInstance(doc, out);
        doc.open();
        doc.add(new Paragraph("Budget 2026: 1 234 567 UAH"));
        doc.close();
        return out.toByteArray();
    }

    @Override
    public void close() {
        registrySetup.close();
    }
}
