package ua.hromada.docsearch.service;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the document search service, PID {@code ua.hromada.docsearch} (etc/ua.hromada.docsearch.cfg). */
@ObjectClassDefinition(id = DocsearchConfig.PID, name = "Hromada document search",
        description = "The Lucene index folder, the largest file and the limits of the ZIP import")
public @interface DocsearchConfig {
    String PID = "ua.hromada.docsearch";

    @AttributeDefinition(name = "Index folder",
            description = "Lucene index folder, one subfolder per community; empty = ${karaf.data}/docsearch-index. "
                    + "Derived data: rebuilt from PostgreSQL when missing.")
    String index_dir() default "";

    @AttributeDefinition(name = "Largest file (MB)", description = "Files above this size are refused")
    int max_file_size_mb() default 20;

    @AttributeDefinition(name = "Largest import archive (MB)",
            description = "ZIP uploads for the import are cut off above this size (streamed to a temporary file)")
    int import_max_zip_mb() default 200;

    @AttributeDefinition(name = "Most files in an import archive",
            description = "An archive with more files is refused before any row is saved")
    int import_max_entries() default 5000;

    @AttributeDefinition(name = "Most uncompressed bytes of an import archive (MB)",
            description = "All files together; they are unpacked to temporary files, never all into memory")
    int import_max_total_mb() default 2048;

    @AttributeDefinition(name = "Highest compression ratio of a file in an archive",
            description = "Uncompressed:compressed; a ZIP bomb compresses 1000:1, ordinary documents under 20:1")
    int import_max_ratio() default 100;

    @AttributeDefinition(name = "OCR program",
            description = "tesseract and its leading arguments, for PDFs without a text layer (scans); empty = no OCR")
    String ocr_command() default "tesseract";

    @AttributeDefinition(name = "OCR languages", description = "tesseract's -l (Debian packages tesseract-ocr-ukr, -eng)")
    String ocr_languages() default "ukr+eng";

    @AttributeDefinition(name = "OCR resolution (dpi)", description = "Pages of a scanned PDF are rendered at this resolution")
    int ocr_pdf_dpi() default 300;

    @AttributeDefinition(name = "Most pages read by OCR per file", description = "Later pages of a longer scan are not read")
    int ocr_max_pages() default 50;

    @AttributeDefinition(name = "OCR time per page (s)", description = "A page tesseract has not read by then stops the file's OCR")
    int ocr_timeout_seconds() default 120;
}
