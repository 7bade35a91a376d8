package ua.hromada.oks.adminui.catalog;

import java.util.List;
import java.util.function.Function;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import ua.hromada.oks.api.OksCatalog;
import ua.hromada.portal.api.CurrentUser;

/**
 * One catalogue page (types, actions, executors): a full-size page with a title, an optional
 * "add" button and a grid of the entries whose rows open {@link #edit} and which
 * {@link #refresh()} reloads from the catalogue after each save.
 */
abstract class CatalogView<T> extends VerticalLayout {

    private static final long serialVersionUID = 1L;

    protected final transient OksCatalog catalog;
    protected final transient CurrentUser currentUser;
    protected final Grid<T> grid = new Grid<>();

    CatalogView(OksCatalog catalog, CurrentUser currentUser, String id) {
        this.catalog = catalog;
        this.currentUser = currentUser;
        setId(id);
        setSizeFull();
    }

    /** The entries the grid shows (inactive ones too). */
    protected abstract List<T> entries();

    /** Opens the editor for an entry, or for a new one when {@code entry} is null. */
    protected abstract void edit(T entry);

    /** The primary "add" button that opens an empty editor. */
    protected Button addButton(String labelKey, String id) {
        Button add = new Button(getTranslation(labelKey), VaadinIcon.PLUS.create(), e -> edit(null));
        add.setId(id);
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return add;
    }

    /**
     * Ends the page: the edit column (see {@link CatalogSupport#editable}), the title, what stands
     * above the grid, the grid filling the rest, and the first load.
     */
    protected void finish(String gridId, String emptyKey, String editClass, Function<T, String> name,
            Function<T, String> dataValue, String titleKey, Component... aboveGrid) {
        CatalogSupport.editable(grid, this, gridId, emptyKey, editClass, name, dataValue, this::edit);
        add(new H2(getTranslation(titleKey)));
        add(aboveGrid);
        add(grid);
        expand(grid);
        refresh();
    }

    protected void refresh() {
        grid.setItems(entries());
    }
}
