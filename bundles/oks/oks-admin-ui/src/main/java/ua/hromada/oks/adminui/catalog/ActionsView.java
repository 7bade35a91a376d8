package ua.hromada.oks.adminui.catalog;

import java.util.List;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;

import ua.hromada.oks.adminui.support.EditorDialog;
import ua.hromada.oks.api.OksCatalog;
import ua.hromada.oks.api.OksLimits;
import ua.hromada.oks.api.OksException;
import ua.hromada.oks.api.ResponsibleGroup;
import ua.hromada.oks.api.StatusGroup;
import ua.hromada.oks.api.WorkflowAction;
import ua.hromada.portal.api.CurrentUser;

/**
 * {@code oks/admin/actions}: the workflow actions. Administrators rename them and change the
 * numeric code, the status group and the responsible group; the set of actions and the rules
 * tied to their kind are fixed, so there is no "add".
 */
public class ActionsView extends CatalogView<WorkflowAction> {

    public static final String ROUTE = "oks/admin/actions";
    private static final long serialVersionUID = 1L;

    public ActionsView(OksCatalog catalog, CurrentUser currentUser) {
        super(catalog, currentUser, "oks-actions-view");
        grid.addColumn(WorkflowAction::displayCode).setHeader(getTranslation("oks.adminui.actions.displayCode"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(WorkflowAction::name).setHeader(getTranslation("oks.adminui.actions.name")).setFlexGrow(2);
        grid.addColumn(a -> getTranslation(a.group().messageKey())).setHeader(getTranslation("oks.adminui.actions.group"))
                .setAutoWidth(true);
        grid.addColumn(a -> getTranslation(a.responsible().messageKey()))
                .setHeader(getTranslation("oks.adminui.actions.responsible")).setAutoWidth(true);
        grid.addColumn(a -> getTranslation("oks.adminui.kind." + a.kind().name()))
                .setHeader(getTranslation("oks.adminui.actions.kind")).setFlexGrow(2);
        finish("oks-actions-grid", "oks.adminui.actions.empty", "oks-action-edit", WorkflowAction::name,
                a -> a.kind().name(), "oks.adminui.menu.actions", new Paragraph(getTranslation("oks.adminui.actions.hint")));
    }

    @Override
    protected List<WorkflowAction> entries() {
        return catalog.actions();
    }

    /** Edits an action (there is no "add": {@code action} is never null). */
    @Override
    protected void edit(WorkflowAction action) {
        EditorDialog dialog = new EditorDialog(getTranslation("oks.adminui.actions.edit", action.name()),
                "oks-action-dialog");
        IntegerField code = new IntegerField(getTranslation("oks.adminui.actions.code"));
        code.setId("oks-action-code");
        code.setRequiredIndicatorVisible(true);
        code.setMin(1);
        code.setValue(action.code());
        TextField name = new TextField(getTranslation("oks.adminui.actions.name"));
        name.setId("oks-action-name");
        name.setRequiredIndicatorVisible(true);
        name.setMaxLength(OksLimits.CATALOGUE_NAME);
        name.setValue(action.name());
        Select<StatusGroup> group = new Select<>();
        group.setLabel(getTranslation("oks.adminui.actions.group"));
        group.setId("oks-action-group");
        group.setItems(StatusGroup.values());
        group.setItemLabelGenerator(g -> g.number() + " — " + getTranslation(g.messageKey()));
        group.setValue(action.group());
        Select<ResponsibleGroup> responsible = new Select<>();
        responsible.setLabel(getTranslation("oks.adminui.actions.responsible"));
        responsible.setId("oks-action-responsible");
        responsible.setItems(ResponsibleGroup.values());
        responsible.setItemLabelGenerator(r -> getTranslation(r.messageKey()));
        responsible.setValue(action.responsible());
        Span preview = new Span();
        preview.setId("oks-action-preview");
        preview.getElement().setAttribute("aria-live", "polite");
        Runnable showCode = () -> preview.setText(getTranslation("oks.adminui.actions.preview",
                (group.getValue() == null ? "?" : Integer.toString(group.getValue().number())) + "-"
                        + (code.getValue() == null ? "?" : code.getValue())));
        code.addValueChangeListener(e -> showCode.run());
        code.setValueChangeMode(ValueChangeMode.EAGER);
        group.addValueChangeListener(e -> showCode.run());
        showCode.run();
        dialog.field(new Span(getTranslation("oks.adminui.actions.kindOf", getTranslation("oks.adminui.kind." + action.kind().name()))), true)
                .field(code, false).field(name, false).field(group, false).field(responsible, false).field(preview, true);
        dialog.onSave(() -> {
            if (code.getValue() == null) {
                // the record holds an int: an empty field gets the service's own message for a bad code
                throw new OksException(OksException.Reason.INVALID, "oks.error.actionCode");
            }
            WorkflowAction saved = catalog.saveAction(CatalogSupport.actor(currentUser), new WorkflowAction(action.kind(),
                    code.getValue(), name.getValue().strip(), group.getValue(), responsible.getValue(), action.version()));
            return getTranslation("oks.adminui.actions.saved", saved.displayCode() + " " + saved.name());
        }, this::refresh).onConflict(() -> catalog.actions().stream().filter(a -> a.kind() == action.kind()).findFirst()
                .ifPresent(this::edit));
        dialog.open();
        name.focus();
    }
}
