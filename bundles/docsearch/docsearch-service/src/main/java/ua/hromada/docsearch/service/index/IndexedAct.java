package ua.hromada.docsearch.service.index;

import java.time.LocalDate;
import java.util.List;

/** What the index holds of one act: its metadata, tags and the extracted text of its files. */
public record IndexedAct(long id, String kindCode, String kindName, String number, String normalizedNumber,
        LocalDate date, String title, String issuingBody, String status, List<String> tags, String body,
        Integer convocation, Integer session) {
}
