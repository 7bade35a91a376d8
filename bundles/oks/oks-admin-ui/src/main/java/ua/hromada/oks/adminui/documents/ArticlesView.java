package ua.hromada.oks.adminui.documents;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import ua.hromada.oks.adminui.support.EditorDialog;
import ua.hromada.oks.api.DocumentRegister;
import ua.hromada.oks.api.LegalArticle;
import ua.hromada.oks.api.OksException;
import ua.hromada.portal.api.CurrentUser;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.legal.LegalActLookup;
import ua.hromada.portal.ui.legal.LegalActField;

/**
 * {@code oks/admin/articles}: the community's legal bases its documents cite (КУпАП articles, points
 * of the rules of improvement); add, edit, deactivate — an issued document keeps the article as cited.
 * An article may name its act in document search (while that module is installed).
 */
public class ArticlesView extends VerticalLayout {
    public static final String ROUTE = "oks/admin/articles";
    private static final long serialVersionUID = 1L;

    private final transient DocumentRegister register;
    private final transient CurrentUser currentUser;
    /** Document search's acts, null while that module is not installed. */
    private final transient LegalActLookup acts;
    private final Grid<LegalArticle> grid = new Grid<>();

    public ArticlesView(DocumentRegister register, CurrentUser currentUser, LegalActLookup acts) {
        this.acts = acts;
        this.register = register;
        this.currentUser = currentUser;
        setId("oks-articles-view");
        setSizeFull();
        grid.setId("oks-articles-grid");
        grid.addColumn(LegalArticle::code).setHeader(getTranslation("oks.adminui.articles.code")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(LegalArticle::title).setHeader(getTranslation("oks.adminui.articles.title")).setFlexGrow(3);
        grid.addComponentColumn(a -> new Span(getTranslation(a.active() ? "oks.adminui.articles.active" : "oks.adminui.articles.inactive")))
                .setHeader(getTranslation("oks.adminui.articles.state")).setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(a -> {
            Button edit = new Button(VaadinIcon.EDIT.create(), e -> edit(a));
            edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            edit.setAriaLabel(getTranslation("oks.adminui.articles.edit", a.code()));
            edit.addClassName("oks-article-edit");
            edit.getElement().setAttribute("data-key", a.code());
            return edit;
        }).setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addItemDoubleClickListener(e -> edit(e.getItem()));
        Button add = new Button(getTranslation("oks.adminui.articles.add"), VaadinIcon.PLUS.create(), e -> edit(null));
        add.setId("oks-articles-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H2(getTranslation("oks.adminui.menu.articles")), add, grid);
        expand(grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(register.articles(true));
    }

    private void edit(LegalArticle article) {
        boolean isNew = article == null;
        EditorDialog dialog = new EditorDialog(getTranslation(isNew ? "oks.adminui.articles.new" : "oks.adminui.articles.edit",
                isNew ? "" : article.code()), "oks-article-dialog");
        TextField code = new TextField(getTranslation("oks.adminui.articles.code"));
        code.setId("oks-article-code");
        code.setRequiredIndicatorVisible(true);
        code.setHelperText(getTranslation("oks.adminui.articles.codeHelp"));
        TextArea title = new TextArea(getTranslation("oks.adminui.articles.title"));
        title.setId("oks-article-title");
        Checkbox active = new Checkbox(getTranslation("oks.adminui.articles.active"), true);
        active.setId("oks-article-active");
        LegalActField act = new LegalActField("oks-article-act", getTranslation("oks.adminui.articles.act"), acts);
        if (!isNew) {
            code.setValue(article.code());
            title.setValue(article.title());
            active.setValue(article.active());
            act.setValue(article.actId());
        }
        dialog.field(code, false).field(title, true).field(act, true).field(active, true);
        dialog.keepEnter(title);
        dialog.onSave(() -> {
            LegalArticle saved = register.saveArticle(actor(), new LegalArticle(isNew ? 0 : article.id(), code.getValue(),
                    title.getValue(), active.getValue(), isNew ? 0 : article.version(), act.getValue()));
            return getTranslation("oks.adminui.articles.saved", saved.code());
        }, this::refresh).onConflict(() -> register.articles(true).stream()
                .filter(a -> !isNew && a.id() == article.id()).findFirst().ifPresent(this::edit));
        dialog.open();
        code.focus();
    }

    private PortalUser actor() {
        return currentUser.get().orElseThrow(() -> new OksException(OksException.Reason.FORBIDDEN, "oks.adminui.common.signedOut"));
    }
}
