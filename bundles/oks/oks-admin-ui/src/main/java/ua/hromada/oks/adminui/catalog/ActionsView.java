package ua.hromada.oks.adminui.catalog;

import java.util.List;

import com.vaadin.flow.component.html.Paragraph;

import ua.hromada.oks.api.OksCatalog;
import ua.hromada.oks.api.WorkflowAction;
import ua.hromada.portal.api.CurrentUser;

/**
 * {@code oks/admin/actions}: the open action catalogue. Administrators add actions, change every
 * rule of one (code, name, groups, who takes it, after which actions, what it asks for, the document
 * it produces) and deactivate them; nothing is deleted, so old journal rows keep their action. The
 * service refuses what would break the workflow ({@link ActionEditor} shows its reason).
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
        grid.addColumn(a -> getTranslation("oks.adminui.effect." + a.effect().name()))
                .setHeader(getTranslation("oks.adminui.actions.effect")).setFlexGrow(2);
        grid.addColumn(a -> ActionEditor.after(this, a, catalog.actions()))
                .setHeader(getTranslation("oks.adminui.actions.after")).setFlexGrow(2);
        grid.addComponentColumn(a -> CatalogSupport.activeBadge(this, a.active()))
                .setHeader(getTranslation("oks.adminui.common.state")).setAutoWidth(true).setFlexGrow(0);
        finish("oks-actions-grid", "oks.adminui.actions.empty", "oks-action-edit", WorkflowAction::name,
                WorkflowAction::key, "oks.adminui.menu.actions", new Paragraph(getTranslation("oks.adminui.actions.hint")),
                addButton("oks.adminui.actions.add", "oks-actions-add"));
    }

    @Override
    protected List<WorkflowAction> entries() {
        return catalog.actions();
    }

    /** Edits an action, or adds one when {@code action} is null. */
    @Override
    protected void edit(WorkflowAction action) {
        new ActionEditor(this, catalog, currentUser, action, this::refresh,
                () -> catalog.action(action.key()).ifPresent(this::edit)).open();
    }
}
