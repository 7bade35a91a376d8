package ua.hromada.oks.adminui.catalog;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import ua.hromada.oks.adminui.support.EditorDialog;
import ua.hromada.oks.api.OksCatalog;
import ua.hromada.oks.api.OksLimits;
import ua.hromada.oks.api.ViolationType;
import ua.hromada.portal.api.CurrentUser;

/** {@code oks/admin/types}: the violation types; add, edit, deactivate (nothing is deleted). */
public class TypesView extends VerticalLayout {

    public static final String ROUTE = "oks/admin/types";
    private static final long serialVersionUID = 1L;

    private final transient OksCatalog catalog;
    private final transient CurrentUser currentUser;
    private final Grid<ViolationType> grid = new Grid<>();

    public TypesView(OksCatalog catalog, CurrentUser currentUser) {
        this.catalog = catalog;
        this.currentUser = currentUser;
        setId("oks-types-view");
        setSizeFull();
        Button add = new Button(getTranslation("oks.adminui.types.add"), VaadinIcon.PLUS.create(), e -> edit(null));
        add.setId("oks-types-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        grid.addColumn(ViolationType::code).setHeader(getTranslation("oks.adminui.types.code")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(ViolationType::name).setHeader(getTranslation("oks.adminui.types.name")).setAutoWidth(true);
        grid.addColumn(ViolationType::description).setHeader(getTranslation("oks.adminui.types.description"))
                .setFlexGrow(2);
        grid.addComponentColumn(t -> CatalogSupport.activeBadge(this, t.active()))
                .setHeader(getTranslation("oks.adminui.common.state")).setAutoWidth(true).setFlexGrow(0);
        CatalogSupport.editable(grid, this, "oks-types-grid", "oks.adminui.types.empty", "oks-type-edit",
                ViolationType::name, ViolationType::code, this::edit);
        add(new H2(getTranslation("oks.adminui.menu.types")), add, grid);
        expand(grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(catalog.types(true));
    }

    private void edit(ViolationType type) {
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
