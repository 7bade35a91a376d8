package ua.hromada.crm.api;

/**
 * The OCR engine of the verification (on the server, never a cloud service): reads the words of a
 * scan with their boxes. Never throws for a scan it cannot read: it answers
 * {@link ScanText#unreadable} with the reason, so the check shows it instead of failing.
 */
public interface ScanReader {

    /**
     * @param contentType {@code image/png}, {@code image/jpeg} or {@code application/pdf} (each page
     *                    rendered and read)
     */
    ScanText read(byte[] content, String contentType);

    /** What reads (e.g. «tesseract 5.3.0, ukr+eng»), stored with each reading. */
    String engine();
}
