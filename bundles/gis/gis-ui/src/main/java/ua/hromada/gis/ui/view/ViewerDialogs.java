package ua.hromada.gis.ui.view;

import java.util.function.Consumer;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;

/** The viewer's two small dialogs: the permalink to copy and the print options. */
final class ViewerDialogs {

    private ViewerDialogs() {
    }

    /** The view's address, absolute (the browser resolves it against the page), selected for copying. */
    static Dialog permalink(Component owner, String location) {
        Dialog d = new Dialog();
        d.setId("gis-viewer-permalink-dialog");
        d.setHeaderTitle(owner.getTranslation("gis.ui.viewer.permalinkTitle"));
        TextField url = new TextField();
        url.setId("gis-viewer-permalink-url");
        url.setReadOnly(true);
        url.setWidthFull();
        url.setValue(location);
        url.setAriaLabel(owner.getTranslation("gis.ui.viewer.permalinkTitle"));
        url.getElement().executeJs("const f = this; f.value = new URL($0, document.baseURI).href;"
                + " setTimeout(() => { f.focus(); f.inputElement && f.inputElement.select(); })", location);
        Button close = new Button(owner.getTranslation("gis.ui.close"), e -> d.close());
        close.setId("gis-viewer-permalink-close");
        d.add(new Paragraph(owner.getTranslation("gis.ui.viewer.permalinkHelp")), url);
        d.getFooter().add(close);
        d.setWidth("min(40rem, 95vw)");
        return d;
    }

    /** Paper, orientation and title; {@code open} goes to the print page. */
    static Dialog print(Component owner, Consumer<PrintOptions> open) {
        Dialog d = new Dialog();
        d.setId("gis-viewer-print-dialog");
        d.setHeaderTitle(owner.getTranslation("gis.ui.viewer.printTitle"));
        TextField title = new TextField(owner.getTranslation("gis.ui.viewer.printHeading"));
        title.setId("gis-viewer-print-title");
        title.setValue(owner.getTranslation("gis.ui.viewer.title"));
        title.setMaxLength(PrintOptions.MAX_TITLE);
        title.setWidthFull();
        Select<PrintOptions.Paper> paper = new Select<>();
        paper.setId("gis-viewer-print-paper");
        paper.setLabel(owner.getTranslation("gis.ui.viewer.printPaper"));
        paper.setItems(PrintOptions.Paper.values());
        paper.setValue(PrintOptions.Paper.A4);
        RadioButtonGroup<Boolean> orientation = new RadioButtonGroup<>(owner.getTranslation("gis.ui.viewer.printOrientation"));
        orientation.setId("gis-viewer-print-orientation");
        orientation.setItems(true, false);
        orientation.setItemLabelGenerator(landscape -> owner.getTranslation(landscape ? "gis.ui.viewer.landscape" : "gis.ui.viewer.portrait"));
        orientation.setValue(true);
        Button go = new Button(owner.getTranslation("gis.ui.viewer.printOpen"), e -> {
            d.close();
            open.accept(new PrintOptions(paper.getValue(), !Boolean.FALSE.equals(orientation.getValue()), title.getValue()));
        });
        go.setId("gis-viewer-print-open");
        go.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(owner.getTranslation("gis.ui.cancel"), e -> d.close());
        d.add(title, paper, orientation);
        d.getFooter().add(cancel, go);
        d.setWidth("min(30rem, 95vw)");
        return d;
    }
}
