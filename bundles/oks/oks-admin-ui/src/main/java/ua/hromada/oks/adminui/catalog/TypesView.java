package ua.hromada.oks.adminui.catalog;

import java.util.List;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import ua.hromada.oks.adminui.support.EditorDialog;
import ua.hromada.oks.api.OksCatalog;
import ua.hromada.oks.api.OksLimits;
import ua.hromada.oks.api.ViolationType;
import ua.hromada.portal.api.CurrentUser;

/** {@code oks/admin/types}: the violation types; add, edit, deactivate (nothing is deleted). */
public class TypesView extends CatalogView<ViolationType> {

    public static final String ROUTE = "oks/admin/types";
    private static final long serialVersionUID = 1L;

    public TypesView(OksCatalog catalog, CurrentUser currentUser) {
        super(catalog, currentUser, "oks-types-view");
        grid.addColumn(ViolationType::code).setHeader(getTranslation("oks.adminui.types.code")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(ViolationType::name).setHeader(getTranslation("oks.adminui.types.name")).setAutoWidth(true);
        grid.addColumn(ViolationType::description).setHeader(getTranslation("oks.adminui.types.description"))
                .setFlexGrow(2);
        grid.addComponentColumn(t -> CatalogSupport.activeBadge(this, t.active()))
                .setHeader(getTranslation("oks.adminui.common.state")).setAutoWidth(true).setFlexGrow(0);
        finish("oks-types-grid", "oks.adminui.types.empty", "oks-type-edit", ViolationType::name, ViolationType::code,
                "oks.adminui.menu.types", addButton("oks.adminui.types.add", "oks-types-add"));
    }

    @Override
    protected List<ViolationType> entries() {
        return catalog.types(true);
    }

    @Override
    protected void edit(ViolationType type) {
        boolean isNew = type == null;
        EditorDialog dialog = new EditorDialog(isNew ? getTranslation("oks.adminui.types.new")
                : getTranslation("oks.adminui.types.edit", type.name()), "oks-type-dialog");
        TextField code = new TextField(getTranslation("oks.adminui.types.code"));
        code.setId("oks-type-code");
        code.setRequiredIndicatorVisible(true);
        code.setHelperText(getTranslation("oks.adminui.types.codeHelp"));
        code.setMaxLength(OksLimits.TYPE_CODE);
        TextField name = new TextField(getTranslation("oks.adminui.types.name"));
        name.setId("oks-type-name");
        name.setRequiredIndicatorVisible(true);
        name.setMaxLength(OksLimits.CATALOGUE_NAME);
        TextArea description = new TextArea(getTranslation("oks.adminui.types.description"));
        description.setId("oks-type-description");
        Checkbox active = new Checkbox(getTranslation("oks.adminui.common.active"), true);
        active.setId("oks-type-active");
        if (!isNew) {
            code.setValue(type.code());
            name.setValue(type.name());
            description.setValue(CatalogSupport.nullToEmpty(type.description()));
            active.setValue(type.active());
        }
        dialog.field(code, false).field(name, false).field(description, true).field(active, true);
        dialog.keepEnter(description);
        long id = isNew ? 0 : type.id();
        dialog.onSave(() -> {
            ViolationType saved = catalog.saveType(CatalogSupport.actor(currentUser), new ViolationType(id,
                    code.getValue().strip(), name.getValue().strip(), CatalogSupport.blankToNull(description.getValue()),
                    active.getValue(), isNew ? 0 : type.version()));
            return getTranslation("oks.adminui.types.saved", saved.name());
        }, this::refresh).onConflict(() -> catalog.types(true).stream().filter(t -> t.id() == id).findFirst()
                .ifPresent(this::edit));
        dialog.open();
        code.focus();
    }
}
