package ua.hromada.crm.verification;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The engines' keys of the CRM's configuration (OCR of scans, the routing classifier), PID {@code ua.hromada.crm} (etc/ua.hromada.crm.cfg). */
@ObjectClassDefinition(id = EnginesConfig.PID, name = "Hromada ЦНАП CRM: verification engines",
        description = "The tesseract program that reads uploaded scans on this server; the routing classifier")
public @interface EnginesConfig {
    String PID = "ua.hromada.crm";

    @AttributeDefinition(name = "OCR command", description = "The tesseract program, with arguments before the image if any (split at spaces)")
    String ocr_command() default "tesseract";

    @AttributeDefinition(name = "OCR languages", description = "tesseract -l: Ukrainian and English data (Debian tesseract-ocr-ukr)")
    String ocr_languages() default "ukr+eng";

    @AttributeDefinition(name = "OCR timeout (s)", description = "A page not read in this time is given up (the check says so)")
    int ocr_timeout_seconds() default 60;

    @AttributeDefinition(name = "PDF resolution (dpi)", description = "PDF pages are rendered at this resolution before reading")
    int ocr_pdf_dpi() default 300;

    @AttributeDefinition(name = "PDF pages", description = "At most this many pages of a PDF scan are read")
    int ocr_max_pages() default 10;

    @AttributeDefinition(name = "Routing classifier", description = "naive-bayes (Lucene SimpleNaiveBayesClassifier) or knn (KNearestNeighborClassifier)")
    String routing_classifier() default "naive-bayes";
}
