package ua.hromada.portal.ui.legal;

import java.util.stream.Stream;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.customfield.CustomField;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

import ua.hromada.portal.api.legal.LegalActLookup;
import ua.hromada.portal.api.legal.LegalActSummary;

/**
 * Picks the act a "legal basis" refers to: type words of its title or its number, choose one, it
 * shows as «№ 790 від 26.04.2024 — title» with a link to the act; the clear button unlinks it.
 * The value is the act's id (null when none). Without the document-search module ({@code lookup}
 * null) the field is hidden and keeps the id it was given, so a save does not lose the link; the
 * module's own text field holds the basis in words either way.
 */
public class LegalActField extends CustomField<Long> {
    private static final long serialVersionUID = 1L;

    private final transient LegalActLookup lookup;
    private final ComboBox<LegalActSummary> acts = new ComboBox<>();
    private final Anchor open = new Anchor();
    private final Span missing = new Span();

    /** {@code id} names the field; its input is {@code <id>-input} and the act's link {@code <id>-link}. */
    public LegalActField(String id, String label, LegalActLookup lookup) {
        this.lookup = lookup;
        setId(id);
        setLabel(label);
        acts.setId(id + "-input");
        acts.setWidthFull();
        acts.setClearButtonVisible(true);
        acts.setPlaceholder(getTranslation("legalAct.placeholder"));
        acts.setItemLabelGenerator(this::label);
        acts.setItems(query -> fetch(query.getFilter().orElse(""), query.getOffset(), query.getLimit()));
        acts.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                updateValue();
            }
            showLink();
        });
        open.setId(id + "-link");
        open.setTarget(AnchorTarget.BLANK);
        open.setText(getTranslation("legalAct.open"));
        missing.setId(id + "-missing");
        missing.setText(getTranslation("legalAct.missing"));
        HorizontalLayout row = new HorizontalLayout(acts, open, missing);
        row.setWidthFull();
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.setFlexGrow(1, acts);
        add(row);
        setVisible(lookup != null);
        showLink();
    }

    private Stream<LegalActSummary> fetch(String filter, int offset, int limit) {
        if (lookup == null || offset >= LegalActLookup.MAX_LIMIT) {
            return Stream.empty();
        }
        return lookup.search(filter, offset + limit).stream().skip(offset);
    }

    /** «№ 790 від 26.04.2024 — title» (the kind before it when there is one). */
    private String label(LegalActSummary act) {
        return label(this, act);
    }

    /** An act as the picker shows it, for lists of other pages. */
    public static String label(Component owner, LegalActSummary act) {
        String number = act.date() == null ? owner.getTranslation("legalAct.number", act.number())
                : owner.getTranslation("legalAct.numberDate", act.number(),
                        String.format("%1$td.%1$tm.%1$tY", act.date()));
        String kind = act.kind() == null || act.kind().isBlank() ? "" : act.kind() + " ";
        return owner.getTranslation("legalAct.label", kind + number, act.title());
    }

    @Override
    protected Long generateModelValue() {
        LegalActSummary act = acts.getValue();
        return act == null ? null : act.id();
    }

    @Override
    protected void setPresentationValue(Long id) {
        LegalActSummary act = id == null || lookup == null ? null : lookup.find(id).orElse(null);
        acts.setValue(act);
        // an id whose act is gone stays the value until someone picks another or clears it
        missing.setVisible(id != null && lookup != null && act == null);
        showLink();
    }

    private void showLink() {
        LegalActSummary act = acts.getValue();
        open.setVisible(act != null);
        if (act != null) {
            open.setHref(act.route());
        }
    }

    @Override
    public void setReadOnly(boolean readOnly) {
        super.setReadOnly(readOnly);
        acts.setReadOnly(readOnly);
    }
}
