package ua.hromada.portal.ui.upload;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToIntFunction;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.upload.Upload;

import ua.hromada.portal.api.PortalException;
import ua.hromada.portal.ui.support.UiSupport;

/**
 * The one import dialog of a CSV or XLSX table: the file is read and checked first (how many rows
 * it would create and update, each row's problems) and applied whole only when it has none.
 *
 * <p>A module passes its service's two steps and what its check answers; ids start with
 * {@link Setup#id()}, texts with {@link Setup#keys()} ({@code title}, {@code help} with the columns,
 * {@code row}, {@code column}, {@code problem}, {@code apply}, {@code ready} with the file name and
 * the two counts, {@code refused} with the file name and the number of problems, {@code done}). A
 * refusal of either step (the {@link PortalException} of the module) is shown in the summary; one of
 * the apply step means the data changed since the check, so the file has to be checked again.
 *
 * @param <P> the module's checked, not yet applied import
 */
public class ImportCheckDialog<P> extends Dialog {
    private static final long serialVersionUID = 1L;

    /**
     * How a module names its dialog: the ids' prefix, the upload's id, the text keys' prefix (ending
     * with a dot), the close button's text key, the width, the columns the help lists and the size limit.
     */
    public record Setup(String id, String uploadId, String keys, String closeKey, String width,
            List<String> columns, long maxBytes) {
        public Setup {
            columns = List.copyOf(columns);
        }
    }

    /** What a checked file would do: the counts, whether it can be applied, its rows' problems. */
    public record Outcome(int created, int updated, boolean applicable, List<Problem> problems) {
        public Outcome {
            problems = List.copyOf(problems);
        }
    }

    /** The service's check of a file, nothing written; refuses with the module's exception. */
    @FunctionalInterface
    public interface Check<P> {
        P read(String fileName, byte[] content);
    }

    /** A row's problem: the row (0 for the whole file), the column (may be null), a message key and its arguments. */
    public record Problem(int row, String column, String messageKey, List<Object> args) {
    }

    private final String keys;
    private final transient Check<P> read;
    private final transient ToIntFunction<P> write;
    private final transient Function<P, Outcome> outcome;
    private final transient Runnable imported;
    public final Paragraph summary = new Paragraph();
    public final Grid<Problem> problems = new Grid<>();
    public final Button apply = new Button();
    private transient P preview;

    /**
     * @param read    the service's check of a file
     * @param write   the service's apply step of a checked file: how many rows it wrote
     * @param outcome what a checked file would do
     * @param imported called on the page after the file is applied
     */
    public ImportCheckDialog(Setup setup, Check<P> read, ToIntFunction<P> write, Function<P, Outcome> outcome,
            Runnable imported) {
        this.keys = setup.keys();
        this.read = read;
        this.write = write;
        this.outcome = outcome;
        this.imported = imported;
        setId(setup.id() + "-dialog");
        setHeaderTitle(getTranslation(keys + "title"));
        setWidth(setup.width());
        Paragraph help = new Paragraph(getTranslation(keys + "help", String.join(", ", setup.columns())));
        Upload upload = new Upload();
        upload.setId(setup.uploadId());
        upload.setAcceptedFileTypes(".csv", ".xlsx", "text/csv",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        LimitedUpload.attach(this, upload, setup.maxBytes(), 1, file -> {
            try {
                check(file.fileName(), file.bytes());
            } finally {
                file.delete();
            }
        }, this::refused);
        summary.setId(setup.id() + "-summary");
        summary.getElement().setAttribute("aria-live", "polite");
        problems.setId(setup.id() + "-problems");
        problems.addColumn(p -> p.row() == 0 ? "" : String.valueOf(p.row()))
                .setHeader(getTranslation(keys + "row")).setAutoWidth(true).setFlexGrow(0);
        problems.addColumn(p -> p.column() == null ? "" : p.column())
                .setHeader(getTranslation(keys + "column")).setAutoWidth(true).setFlexGrow(0);
        problems.addColumn(p -> getTranslation(p.messageKey(), p.args().toArray()))
                .setHeader(getTranslation(keys + "problem")).setFlexGrow(1);
        problems.setAllRowsVisible(true);
        problems.setVisible(false);
        apply.setText(getTranslation(keys + "apply"));
        apply.setId(setup.id() + "-apply");
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        apply.setEnabled(false);
        apply.addClickListener(e -> apply());
        Button close = new Button(getTranslation(setup.closeKey()), e -> close());
        close.setId(setup.id() + "-close");
        add(help, upload, summary, problems);
        getFooter().add(close, apply);
    }

    /** Reads and checks the file; shows what it would do or why it cannot. */
    public void check(String fileName, byte[] content) {
        try {
            preview = read.read(fileName, content);
        } catch (PortalException e) {
            refused(getTranslation(e.messageKey(), e.args()));
            return;
        }
        Outcome outcome = this.outcome.apply(preview);
        problems.setItems(outcome.problems());
        problems.setVisible(!outcome.problems().isEmpty());
        apply.setEnabled(outcome.applicable());
        summary.setText(outcome.applicable()
                ? getTranslation(keys + "ready", fileName, outcome.created(), outcome.updated())
                : getTranslation(keys + "refused", fileName, outcome.problems().size()));
    }

    /** Applies the checked file whole, closes and tells the page. */
    public void apply() {
        if (preview == null) {
            return;
        }
        try {
            int done = write.applyAsInt(preview);
            close();
            UiSupport.success(getTranslation(keys + "done", done));
            imported.run();
        } catch (PortalException e) {
            // the data changed since the check: the file must be checked again
            summary.setText(getTranslation(e.messageKey(), e.args()));
            apply.setEnabled(false);
        }
    }

    private void refused(String message) {
        preview = null;
        apply.setEnabled(false);
        summary.setText(message);
    }
}
