package ua.hromada.oks.adminui.catalog;

import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;

import ua.hromada.oks.adminui.support.EditorDialog;
import ua.hromada.oks.api.ActionEffect;
import ua.hromada.oks.api.OksCatalog;
import ua.hromada.oks.api.OksException;
import ua.hromada.oks.api.OksLimits;
import ua.hromada.oks.api.ResponsibleGroup;
import ua.hromada.oks.api.StatusGroup;
import ua.hromada.oks.api.StepInputs.Input;
import ua.hromada.oks.api.ViolationDocuments;
import ua.hromada.oks.api.WorkflowAction;
import ua.hromada.oks.api.WorkflowAction.Role;
import ua.hromada.portal.api.CurrentUser;

/**
 * The dialog of one workflow action: every rule the catalogue holds. The form only collects; the
 * service checks (a code in use, no predecessor, a step after the archive, …) and its refusal is
 * shown in the dialog. A shipped action keeps its effect; registration and the archive stay active
 * and keep their fixed predecessors and roles, so those fields are not offered for them.
 */
final class ActionEditor {
    /** "No document": Select cannot hold null as an item label. */
    private static final String NO_DOCUMENT = "NONE";

    private final Component owner;
    private final OksCatalog catalog;
    private final CurrentUser currentUser;
    private final WorkflowAction action;
    private final Runnable refresh;
    private final Runnable reloadCurrent;

    ActionEditor(Component owner, OksCatalog catalog, CurrentUser currentUser, WorkflowAction action, Runnable refresh,
            Runnable reloadCurrent) {
        this.owner = owner;
        this.catalog = catalog;
        this.currentUser = currentUser;
        this.action = action;
        this.refresh = refresh;
        this.reloadCurrent = reloadCurrent;
    }

    /** The predecessors of an action as the grid shows them ("1-1, 1-18"; the archive's: "будь-яка"). */
    static String after(Component owner, WorkflowAction a, List<WorkflowAction> all) {
        if (a.effect() == ActionEffect.ARCHIVE) {
            return owner.getTranslation("oks.adminui.actions.afterAny");
        }
        return all.stream().filter(x -> a.after().contains(x.key())).map(WorkflowAction::displayCode)
                .collect(Collectors.joining(", "));
    }

    void open() {
        boolean isNew = action == null;
        ActionEffect fixedEffect = isNew ? null : action.effect();
        boolean invariant = fixedEffect != null && fixedEffect.reserved();
        EditorDialog dialog = new EditorDialog(isNew ? t("oks.adminui.actions.new") : t("oks.adminui.actions.edit",
                action.name()), "oks-action-dialog");

        IntegerField code = new IntegerField(t("oks.adminui.actions.code"));
        code.setId("oks-action-code");
        code.setRequiredIndicatorVisible(true);
        code.setMin(1);
        code.setMax(9999);
        TextField name = new TextField(t("oks.adminui.actions.name"));
        name.setId("oks-action-name");
        name.setRequiredIndicatorVisible(true);
        name.setMaxLength(OksLimits.CATALOGUE_NAME);
        Select<StatusGroup> group = select("oks-action-group", "oks.adminui.actions.group", List.of(StatusGroup.values()),
                g -> g.number() + " — " + t(g.messageKey()));
        Select<ResponsibleGroup> responsible = select("oks-action-responsible", "oks.adminui.actions.responsible",
                List.of(ResponsibleGroup.values()), r -> t(r.messageKey()));
        // a shipped action's effect is what other code relies on: shown, not changed; an added one
        // chooses among the effects that are no invariant
        List<ActionEffect> effects = fixedEffect != null && action.kind() != null ? List.of(fixedEffect)
                : invariant ? List.of(fixedEffect)
                : Arrays.stream(ActionEffect.values()).filter(e -> !e.reserved()).toList();
        Select<ActionEffect> effect = select("oks-action-effect", "oks.adminui.actions.effect", effects,
                e -> t("oks.adminui.effect." + e.name()));
        effect.setReadOnly(effects.size() == 1);
        Checkbox active = new Checkbox(t("oks.adminui.actions.active"), true);
        active.setId("oks-action-active");
        active.setReadOnly(invariant);
        CheckboxGroup<Role> roles = checkboxes("oks-action-roles", "oks.adminui.actions.roles", List.of(Role.values()),
                r -> t("oks.adminui.role." + r.name()));
        List<WorkflowAction> predecessors = catalog.actions().stream()
                .filter(a -> a.effect() != ActionEffect.ARCHIVE)
                .sorted(Comparator.comparing(WorkflowAction::displayCode)).toList();
        CheckboxGroup<WorkflowAction> after = checkboxes("oks-action-after", "oks.adminui.actions.after", predecessors,
                a -> a.displayCode() + " " + a.name() + (a.active() ? "" : " (" + t("oks.adminui.common.inactive") + ")"));
        after.setHelperText(t("oks.adminui.actions.afterHelp"));
        CheckboxGroup<Input> inputs = checkboxes("oks-action-inputs", "oks.adminui.actions.inputs",
                List.of(Input.values()), i -> t("oks.adminui.input." + i.name()));
        CheckboxGroup<Input> required = checkboxes("oks-action-required", "oks.adminui.actions.required",
                List.of(Input.values()), i -> t("oks.adminui.input." + i.name()));
        required.setHelperText(t("oks.adminui.actions.requiredHelp"));
        Select<String> document = select("oks-action-document", "oks.adminui.actions.document",
                List.of(NO_DOCUMENT, ViolationDocuments.Kind.WARNING.name(), ViolationDocuments.Kind.PROTOCOL.name()),
                d -> t("oks.adminui.document." + d));

        if (isNew) {
            group.setValue(StatusGroup.IN_PROGRESS);
            responsible.setValue(ResponsibleGroup.INSPECTORS);
            effect.setValue(ActionEffect.NONE);
            roles.setValue(EnumSet.of(Role.INSPECTOR));
            inputs.setValue(EnumSet.of(Input.COMMENT));
            document.setValue(NO_DOCUMENT);
        } else {
            code.setValue(action.code());
            name.setValue(action.name());
            group.setValue(action.group());
            responsible.setValue(action.responsible());
            effect.setValue(action.effect());
            active.setValue(action.active());
            roles.setValue(action.roles());
            after.setValue(predecessors.stream().filter(a -> action.after().contains(a.key()))
                    .collect(Collectors.toSet()));
            inputs.setValue(action.inputs());
            required.setValue(action.required());
            document.setValue(action.document() == null ? NO_DOCUMENT : action.document().name());
        }
        // what is required is shown: ticking "required" ticks "shown"
        required.addValueChangeListener(e -> {
            if (!inputs.getValue().containsAll(e.getValue())) {
                Set<Input> shown = EnumSet.noneOf(Input.class);
                shown.addAll(inputs.getValue());
                shown.addAll(e.getValue());
                inputs.setValue(shown);
            }
        });

        Span preview = new Span();
        preview.setId("oks-action-preview");
        preview.getElement().setAttribute("aria-live", "polite");
        Runnable showCode = () -> preview.setText(t("oks.adminui.actions.preview",
                (group.getValue() == null ? "?" : Integer.toString(group.getValue().number())) + "-"
                        + (code.getValue() == null ? "?" : code.getValue())));
        code.setValueChangeMode(ValueChangeMode.EAGER);
        code.addValueChangeListener(e -> showCode.run());
        group.addValueChangeListener(e -> showCode.run());
        showCode.run();

        dialog.field(code, false).field(name, false).field(group, false).field(responsible, false)
                .field(effect, false).field(active, false).field(preview, true);
        if (!invariant) {
            // registration's and the archive's predecessors and roles are the workflow's invariants
            dialog.field(roles, true).field(after, true);
        }
        dialog.field(inputs, true).field(required, true).field(document, true);
        dialog.onSave(() -> {
            if (code.getValue() == null) {
                // the record holds an int: an empty field gets the service's own message for a bad code
                throw new OksException(OksException.Reason.INVALID, "oks.error.actionCode");
            }
            WorkflowAction saved = catalog.saveAction(CatalogSupport.actor(currentUser), new WorkflowAction(
                    isNew ? "" : action.key(), code.getValue(), name.getValue().strip(), group.getValue(),
                    responsible.getValue(), effect.getValue(), active.getValue(), roles.getValue(),
                    after.getValue().stream().map(WorkflowAction::key).collect(Collectors.toSet()), inputs.getValue(),
                    required.getValue(), NO_DOCUMENT.equals(document.getValue()) ? null
                            : ViolationDocuments.Kind.valueOf(document.getValue()),
                    isNew ? 0 : action.version()));
            return t("oks.adminui.actions.saved", saved.displayCode() + " " + saved.name());
        }, refresh);
        if (!isNew) {
            dialog.onConflict(reloadCurrent);
        }
        dialog.open();
        name.focus();
    }

    private <T> Select<T> select(String id, String labelKey, List<T> items,
            com.vaadin.flow.component.ItemLabelGenerator<T> label) {
        Select<T> s = new Select<>();
        s.setId(id);
        s.setLabel(t(labelKey));
        s.setItems(items);
        s.setItemLabelGenerator(label);
        return s;
    }

    private <T> CheckboxGroup<T> checkboxes(String id, String labelKey, List<T> items,
            com.vaadin.flow.component.ItemLabelGenerator<T> label) {
        CheckboxGroup<T> g = new CheckboxGroup<>(t(labelKey));
        g.setId(id);
        g.setItems(items);
        g.setItemLabelGenerator(label);
        return g;
    }

    private String t(String key, Object... args) {
        return owner.getTranslation(key, args);
    }
}
