package ua.hromada.eservices.api;

import java.nio.file.Path;
import java.util.List;

/**
 * What a resident sends with the public form (no account).
 *
 * @param token           the {@link FormTicket#token()} the form was opened with
 * @param challengeAnswer the resident's answer to the ticket's question
 * @param latitude        WGS 84, with {@code longitude}; both null without a place
 * @param files           uploaded files (temporary files the caller deletes afterwards)
 * @param publicAppeal    true: the appeal and its answer are listed publicly (without personal
 *                        data); false: confidential, seen only by the unit and in the applicant's cabinet
 * @param consent         consent to the processing of personal data (required)
 */
public record AppealForm(String token, String challengeAnswer, long topicId, String text, Double latitude,
        Double longitude, List<AppealFile> files, String name, String email, String phone, boolean publicAppeal,
        boolean consent) {

    /** One uploaded file: the name the resident's browser gave and its content. */
    public record AppealFile(String fileName, Path content) {
    }
}
