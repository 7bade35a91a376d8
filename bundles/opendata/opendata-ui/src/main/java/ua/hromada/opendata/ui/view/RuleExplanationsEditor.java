package ua.hromada.opendata.ui.view;

import java.time.ZoneId;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;

import ua.hromada.opendata.api.AuditRuleExplanations;
import ua.hromada.opendata.api.AuditRuleExplanations.Explanation;
import ua.hromada.opendata.api.OpendataException;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.calendar.DisplayFormats;

/**
 * The administrator's editor of the community's methodical explanations (on {@code opendata/audit}):
 * pick a rule, change its text, save or go back to the shipped text. The service validates and logs.
 */
public class RuleExplanationsEditor extends VerticalLayout {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(RuleExplanationsEditor.class);

    private final transient AuditRuleExplanations explanations;
    private final transient PortalUser user;
    private final transient ZoneId zone;
    private final transient Runnable changed;
    private final ComboBox<Explanation> rule = new ComboBox<>();
    private final TextArea text = new TextArea();
    private final Span state = new Span();
    private final Paragraph error = OpendataUi.formError(new Paragraph(), "explanation");

    /** @param changed run after a save (the findings show the new text) */
    public RuleExplanationsEditor(AuditRuleExplanations explanations, PortalUser user, ZoneId zone, Runnable changed) {
        this.explanations = explanations;
        this.user = user;
        this.zone = zone;
        this.changed = changed;
        setId("opendata-explanations");
        setPadding(false);
        rule.setId("opendata-explanation-rule");
        rule.setLabel(getTranslation("opendata.ui.explanations.rule"));
        rule.setItemLabelGenerator(Explanation::ruleTitle);
        rule.setWidth("32rem");
        rule.setMaxWidth("100%");
        rule.addValueChangeListener(e -> show(e.getValue()));
        text.setId("opendata-explanation-text");
        text.setLabel(getTranslation("opendata.ui.explanations.text"));
        text.setWidthFull();
        text.setMinHeight("12rem");
        text.setValueChangeMode(ValueChangeMode.EAGER);
        text.addValueChangeListener(e -> text.setHelperText(getTranslation("opendata.ui.explanations.length",
                e.getValue().length(), AuditRuleExplanations.MAX_LENGTH)));
        state.setId("opendata-explanation-state");
        Button save = new Button(getTranslation("opendata.ui.explanations.save"), e -> save(text.getValue()));
        save.setId("opendata-explanation-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button reset = new Button(getTranslation("opendata.ui.explanations.reset"), e -> save(null));
        reset.setId("opendata-explanation-reset");
        add(new H3(getTranslation("opendata.ui.explanations.title")),
                new Paragraph(getTranslation("opendata.ui.explanations.intro")), rule, state, text, error,
                new HorizontalLayout(save, reset));
        reload(null);
    }

    private void reload(String ruleId) {
        var all = explanations.explanations();
        rule.setItems(all);
        rule.setValue(all.stream().filter(x -> x.ruleId().equals(ruleId)).findFirst()
                .orElse(all.isEmpty() ? null : all.get(0)));
    }

    private void show(Explanation e) {
        error.setVisible(false);
        if (e == null) {
            text.clear();
            state.setText("");
            return;
        }
        text.setValue(e.text());
        state.setText(e.edited()
                ? getTranslation("opendata.ui.explanations.edited", DisplayFormats.dateTime(e.changedAt(), zone), e.changedBy())
                : getTranslation("opendata.ui.explanations.shipped"));
        state.getElement().setAttribute("data-edited", Boolean.toString(e.edited()));
    }

    private void save(String value) {
        Explanation current = rule.getValue();
        if (current == null) {
            return;
        }
        try {
            Explanation saved = explanations.save(user, current.ruleId(), value);
            reload(saved.ruleId());
            OpendataUi.success(getTranslation(saved.edited() ? "opendata.ui.explanations.saved"
                    : "opendata.ui.explanations.wasReset"));
            changed.run();
        } catch (OpendataException e) {
            LOG.info("Explanation refused: {}", e.getMessage());
            OpendataUi.showError(error, OpendataUi.reason(this, e));
        }
    }
}
