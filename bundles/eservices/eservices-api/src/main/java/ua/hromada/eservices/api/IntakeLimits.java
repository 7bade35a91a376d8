package ua.hromada.eservices.api;

import java.util.List;

/**
 * The public form's limits from configuration, for the form to say them before a refusal does.
 *
 * @param fileTypes the accepted kinds by name ("JPEG", "PNG", "PDF"): checked by content, not by the file's name
 */
public record IntakeLimits(int maxFiles, long maxFileBytes, List<String> fileTypes, int maxTextLength) {
}
