/**
 * Reading scans with this server's tesseract, shared by the modules that OCR (CRM's verification of
 * scanned documents, document search's scanned PDFs): the process, its limits and its failures in
 * the administrator's words. Rendering a PDF stays with each module (its own PDFBox).
 *
 * <p>Semantically versioned (docs/api-versioning.md).
 */
@Export
@Version("1.0.0")
package ua.hromada.portal.api.ocr;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
