package ua.hromada.oks.api;

import java.util.List;

/**
 * The texts of a document kind in a community, edited by OKS administrators
 * ({@link DocumentRegister#saveTemplate}); a community that never edited them has the shipped ones.
 * Placeholders in the heading and the body are replaced when the document is printed:
 * {@code {number} {date} {violator} {article} {address} {type} {description} {deadline} {council}
 * {inspector} {witnesses} {explanation}}. Paragraphs of the body are separated by a blank line.
 *
 * @param heading       the title lines (the first printed large)
 * @param body          the paragraphs before the card's facts
 * @param numberPattern how a registration number is written: {@code {seq}} the number within the
 *                      year, {@code {year}} four digits, {@code {yy}} two, e.g. {@code {seq}/{year}} or
 *                      {@code П-{seq}-{yy}}
 * @param version       the row's version as read (0: the shipped texts, never saved)
 */
public record DocumentTemplate(ViolationDocuments.Kind kind, String heading, String body, String numberPattern,
        long version) {

    /** The placeholders a heading or body may use. */
    public static final List<String> PLACEHOLDERS = List.of("number", "date", "violator", "article", "address",
            "type", "description", "deadline", "council", "inspector", "witnesses", "explanation");
}
