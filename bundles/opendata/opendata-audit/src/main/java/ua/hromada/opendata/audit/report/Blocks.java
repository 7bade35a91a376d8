package ua.hromada.opendata.audit.report;

import java.awt.Color;
import java.util.List;

/** What a report page is made of, independent of the file format: the PDF and the DOCX render the same blocks. */
final class Blocks {
    private Blocks() {
    }

    sealed interface Block permits Title, Heading, Text, Chart, Table {
    }

    /** The centred title lines. */
    record Title(String title, String subtitle) implements Block {
    }

    record Heading(String text) implements Block {
    }

    /** @param small a note (legend, remark) rather than body text */
    record Text(String text, boolean small) implements Block {
    }

    /**
     * A horizontal bar chart.
     *
     * @param max the axis' end (0: the largest value)
     */
    record Chart(String title, List<String> labels, double[] values, Color[] colors, double max) implements Block {
        double top() {
            double top = max > 0 ? max : java.util.Arrays.stream(values).max().orElse(1);
            return top <= 0 ? 1 : top;
        }
    }

    /**
     * @param widths   relative column widths
     * @param centered columns whose cells are centred (symbols), others: first left, short values right
     */
    record Table(float[] widths, List<String> header, List<List<String>> rows, boolean centered) implements Block {
    }
}
