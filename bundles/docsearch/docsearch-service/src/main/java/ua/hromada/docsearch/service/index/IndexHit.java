package ua.hromada.docsearch.service.index;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Raw search output of the index; the service adds labels. */
public record IndexHit(long id, String kindCode, String kindName, String number, LocalDate date, String title,
        String issuingBody, String status, float score, String snippet) {

    public record Page(long total, List<IndexHit> hits, Map<String, Map<String, Long>> facets) {
    }
}
