package ua.hromada.crm.api;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What the OCR read on a scan: its words with boxes, page by page; or, when it could not read it,
 * why ({@code problem}, in Ukrainian, for the administrator: no OCR program on the server, a
 * timeout, a file that is no image).
 *
 * @param pages   how many pages were read
 * @param problem empty when read
 */
public record ScanText(List<ReadWord> words, int pages, String problem) {

    public ScanText {
        words = List.copyOf(words);
        problem = problem == null ? "" : problem;
    }

    public static ScanText unreadable(String problem) {
        return new ScanText(List.of(), 0, problem);
    }

    public boolean readable() {
        return problem.isEmpty();
    }

    /** The text, a line per OCR line, pages one after the other. */
    public String text() {
        return words.stream().collect(Collectors.groupingBy(w -> w.page() * 100_000L + w.line(),
                java.util.TreeMap::new, Collectors.mapping(ReadWord::text, Collectors.joining(" "))))
                .values().stream().collect(Collectors.joining("\n"));
    }
}
