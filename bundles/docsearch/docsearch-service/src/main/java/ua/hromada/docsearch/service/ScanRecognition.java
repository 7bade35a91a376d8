package ua.hromada.docsearch.service;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

import javax.sql.DataSource;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ua.hromada.docsearch.api.ExtractionStatus;
import ua.hromada.docsearch.service.extract.TextExtractor;
import ua.hromada.portal.api.audit.AuditLog;
import ua.hromada.portal.api.jdbc.Transactions;
import ua.hromada.portal.api.jobs.Job;
import ua.hromada.portal.api.jobs.JobProgress;
import ua.hromada.portal.api.jobs.Jobs;
import ua.hromada.portal.api.ocr.Tesseract;

/**
 * Scanned PDFs (no text layer) made searchable: a job on pool {@value #POOL} per act renders each
 * waiting file's pages with PDFBox and reads them with the server's tesseract (portal-api
 * {@link Tesseract}, Ukrainian data); the text is stored as the file's, marked {@link ExtractionStatus#OCR},
 * and the act is indexed again. When tesseract cannot read (not installed, no Ukrainian data, a
 * timeout) the file stays {@link ExtractionStatus#EMPTY}, as without OCR, with the reason as its note.
 * The job's progress (pages read of all pages) is the portal's job list's. Each file's outcome is
 * recorded in the act's history on the connection that stores it ("system", action {@value #ACTION}):
 * the core publishes that as the act's change, so other nodes index the recognised text too
 * (docs/cluster.md).
 */
final class ScanRecognition {
    private static final Logger LOG = LoggerFactory.getLogger(ScanRecognition.class);
    static final String POOL = "docsearch.ocr";
    private static final String MODULE = "docsearch";
    static final String ACTION = "ocr";

    /** What OCR runs with; {@code tesseract} null turns it off (files without text stay EMPTY). */
    record Setup(Tesseract tesseract, int dpi, int maxPages, Jobs jobs) {
        static Setup of(DocsearchConfig config, Jobs jobs) {
            List<String> command = List.of(config.ocr_command().strip().split("\\s+")).stream()
                    .filter(s -> !s.isEmpty()).toList();
            Tesseract tesseract = command.isEmpty() ? null : new Tesseract(command, config.ocr_languages().strip(),
                    java.time.Duration.ofSeconds(Math.max(1, config.ocr_timeout_seconds())));
            return new Setup(tesseract, Math.max(72, Math.min(600, config.ocr_pdf_dpi())),
                    Math.max(1, config.ocr_max_pages()), jobs);
        }
    }

    private final Setup setup;
    private final DataSource dataSource;
    private final AuditLog audit;
    /** After a file's text changed: the act goes into the index again. */
    private final LongConsumer reindex;

    ScanRecognition(Setup setup, DataSource dataSource, AuditLog audit, LongConsumer reindex) {
        this.setup = setup;
        this.dataSource = dataSource;
        this.audit = audit;
        this.reindex = reindex;
    }

    /** Whether a PDF without text waits for OCR ({@code OCR_QUEUED}) rather than staying EMPTY. */
    boolean enabled() {
        return setup != null && setup.tesseract() != null;
    }

    /** After the commit that stored the act's files: its waiting scans are read in the background. */
    Job<Integer> queue(long actId) {
        return setup.jobs().submit(POOL, "OCR act " + actId, progress -> recognise(actId, progress));
    }

    /** At start (as the community): acts a stopped portal left waiting are queued again. */
    void queueWaiting() {
        List<Long> acts = Transactions.tx(dataSource, MODULE, c -> longs(c,
                "SELECT DISTINCT act_id FROM docsearch.act_file WHERE extraction_status = 'OCR_QUEUED' ORDER BY act_id", null));
        if (!acts.isEmpty()) {
            LOG.info("{} acts have scans waiting for OCR: queued", acts.size());
        }
        acts.forEach(this::queue);
    }

    /**
     * Reads the act's waiting files, page by page.
     *
     * @return how many files got text
     */
    int recognise(long actId, JobProgress progress) throws InterruptedException {
        List<Long> files = Transactions.tx(dataSource, MODULE, c -> longs(c, "SELECT id FROM docsearch.act_file"
                + " WHERE act_id = ? AND extraction_status = 'OCR_QUEUED' ORDER BY id", actId));
        int recognised = 0;
        for (long fileId : files) {
            if (progress.cancelled()) {
                return recognised; // still waiting: queued again at the next start
            }
            byte[] content = Transactions.tx(dataSource, MODULE, c -> content(c, fileId));
            if (content == null) {
                continue; // removed meanwhile
            }
            TextExtractor.Extraction result = read(content, progress);
            Transactions.tx(dataSource, MODULE, c -> {
                if (store(c, fileId, result)) {
                    audit.record(c, "system", MODULE, LegalActRegistryImpl.ENTITY, Long.toString(actId), ACTION,
                            "file " + fileId + ": " + result.status() + (result.error() == null ? ""
                                    : " (" + abbreviate(result.error(), 500) + ")"));
                }
                return null;
            });
            recognised += result.status() == ExtractionStatus.OCR ? 1 : 0;
        }
        if (!files.isEmpty()) {
            reindex.accept(actId);
        }
        return recognised;
    }

    /** Never throws for a bad scan: the outcome is OCR with text, or EMPTY with the reason. */
    private TextExtractor.Extraction read(byte[] content, JobProgress progress) throws InterruptedException {
        try (PDDocument pdf = PDDocument.load(content)) {
            PDFRenderer renderer = new PDFRenderer(pdf);
            int pages = Math.min(pdf.getNumberOfPages(), setup.maxPages());
            progress.update(0, pages);
            List<String> texts = setup.tesseract().readPages(pages,
                    i -> renderer.renderImageWithDPI(i, setup.dpi(), ImageType.GRAY), setup.dpi(), "txt",
                    read -> progress.update(read, pages));
            String text = TextExtractor.clean(String.join("\n\n", texts));
            String note = pdf.getNumberOfPages() > pages
                    ? "розпізнано перші " + pages + " сторінок з " + pdf.getNumberOfPages() : null;
            return text.isEmpty() ? new TextExtractor.Extraction(ExtractionStatus.EMPTY, null, "OCR не знайшов тексту")
                    : new TextExtractor.Extraction(ExtractionStatus.OCR, text, note);
        } catch (Tesseract.OcrFailure e) {
            LOG.warn("OCR of a scanned PDF did not run: {}", e.getMessage());
            return new TextExtractor.Extraction(ExtractionStatus.EMPTY, null, "Текст не розпізнано: " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            LOG.warn("OCR of a scanned PDF failed", e);
            return new TextExtractor.Extraction(ExtractionStatus.EMPTY, null,
                    "Текст не розпізнано: сторінки не вдалося відтворити (" + e.getMessage() + ")");
        }
    }

    private static byte[] content(Connection c, long fileId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT content FROM docsearch.act_file WHERE id = ?"
                + " AND extraction_status = 'OCR_QUEUED'")) {
            ps.setLong(1, fileId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getBytes(1) : null;
            }
        }
    }

    /** Whether the file still waited for OCR (not removed or replaced meanwhile) and now has its outcome. */
    private static boolean store(Connection c, long fileId, TextExtractor.Extraction result) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE docsearch.act_file SET extracted_text = ?,"
                + " extraction_status = ?, extraction_error = ? WHERE id = ? AND extraction_status = 'OCR_QUEUED'")) {
            ps.setString(1, result.text());
            ps.setString(2, result.status().name());
            ps.setString(3, result.error() == null ? null : abbreviate(result.error(), 2000));
            ps.setLong(4, fileId);
            return ps.executeUpdate() > 0;
        }
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    private static List<Long> longs(Connection c, String sql, Long param) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (param != null) {
                ps.setLong(1, param);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }
}
