package ua.hromada.opendata.audit.report;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import ua.hromada.opendata.api.DataRequests.LetterFormat;
import ua.hromada.opendata.audit.report.Blocks.Block;
import ua.hromada.opendata.audit.report.Blocks.Heading;
import ua.hromada.opendata.audit.report.Blocks.Text;
import ua.hromada.opendata.audit.report.Blocks.Title;
import ua.hromada.opendata.audit.rules.Texts;
import ua.hromada.portal.api.calendar.DisplayFormats;

/**
 * An official request's letter to a data manager, drafted for signing: the same blocks and the
 * same PDF and DOCX writers as the analytical report.
 */
public final class RequestLetter {

    /** One finding the letter names: its rule's title, the dataset and what is wrong. */
    public record Item(String ruleTitle, String datasetTitle, String explanation) {
    }

    /**
     * What the letter says.
     *
     * @param council     the community's council, the sender
     * @param workingDays the working days of the legal deadline when the due date is that one, else 0 (a date typed)
     */
    public record Letter(String council, String number, LocalDate sentOn, String managerName, String subject, String text,
            List<Item> findings, LocalDate dueOn, int workingDays) {
    }

    private final Texts texts;

    public RequestLetter(Texts texts) {
        this.texts = texts;
    }

    public void write(Letter letter, LetterFormat format, OutputStream out) throws IOException {
        String title = texts.get("opendata.audit.letter.title", letter.number(), DisplayFormats.DATE.format(letter.sentOn()));
        List<Block> blocks = blocks(letter);
        switch (format) {
            case PDF -> new PdfReport(texts).write(title, blocks, out);
            case DOCX -> DocxReport.write(title, blocks, out);
        }
    }

    List<Block> blocks(Letter l) {
        List<Block> b = new ArrayList<>();
        b.add(new Title(l.council(), texts.get("opendata.audit.letter.number", l.number(), DisplayFormats.DATE.format(l.sentOn()))));
        b.add(new Text(texts.get("opendata.audit.letter.to", l.managerName()), false));
        b.add(new Heading(l.subject()));
        // the text as typed: each of its lines a paragraph (a DOCX run keeps no line breaks)
        for (String line : l.text().split("\\R")) {
            if (!line.isBlank()) {
                b.add(new Text(line.strip(), false));
            }
        }
        b.add(new Heading(texts.get("opendata.audit.letter.findings")));
        if (l.findings().isEmpty()) {
            b.add(new Text(texts.get("opendata.audit.letter.noFindings"), false));
        }
        int n = 0;
        for (Item f : l.findings()) {
            b.add(new Text(texts.get("opendata.audit.letter.finding", ++n, f.ruleTitle(), f.datasetTitle(), f.explanation()),
                    false));
        }
        b.add(new Text(texts.get("opendata.audit.letter.legalBasis"), false));
        String due = DisplayFormats.DATE.format(l.dueOn());
        b.add(new Text(l.workingDays() > 0 ? texts.get("opendata.audit.letter.deadlineDays", due, l.workingDays())
                : texts.get("opendata.audit.letter.deadline", due), false));
        b.add(new Text(texts.get("opendata.audit.letter.signature"), false));
        return b;
    }
}
