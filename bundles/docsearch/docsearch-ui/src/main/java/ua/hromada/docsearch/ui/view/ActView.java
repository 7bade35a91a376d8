package ua.hromada.docsearch.ui.view;

import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;

import ua.hromada.docsearch.api.ActFile;
import ua.hromada.docsearch.api.ActLink;
import ua.hromada.docsearch.api.DocsearchException;
import ua.hromada.docsearch.api.ExtractionStatus;
import ua.hromada.docsearch.api.LegalAct;
import ua.hromada.docsearch.api.LegalActRegistry;
import ua.hromada.docsearch.ui.ActReferences;
import ua.hromada.portal.api.CurrentUser;
import ua.hromada.portal.api.calendar.DisplayFormats;
import ua.hromada.portal.api.legal.LegalActReferences.LegalActReference;
import ua.hromada.portal.ui.support.UiSupport;

/**
 * The page of one act ({@code docs/act/:id}): its details, the acts it amends or cancels and
 * those that amend or cancel it, its files for download, and what of other modules refers to it
 * (as far as the user may see it). Employees with docsearch.edit also get Edit and Delete.
 */
public class ActView extends VerticalLayout implements BeforeEnterObserver {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ActView.class);

    private final transient LegalActRegistry registry;
    private final transient CurrentUser currentUser;
    private final String searchRoute;
    private final String actRoute;
    private final boolean editable;
    /** Other modules' references to the act; null on the residents' page. */
    private final transient ActReferences references;

    public ActView(LegalActRegistry registry, CurrentUser currentUser, ActReferences references) {
        this(registry, currentUser, "docs", SearchView.ACT_ROUTE, true, references);
    }

    protected ActView(LegalActRegistry registry, CurrentUser currentUser, String searchRoute, String actRoute,
            boolean editable, ActReferences references) {
        this.references = references;
        this.registry = registry;
        this.currentUser = currentUser;
        this.searchRoute = searchRoute;
        this.actRoute = actRoute;
        this.editable = editable;
        setId("act-page");
        setMaxWidth("60rem");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        Optional<LegalAct> act = event.getRouteParameters().get("id").flatMap(ActView::parseId).flatMap(registry::find);
        Anchor back = new Anchor(searchRoute, getTranslation("docsearch.ui.act.back"));
        back.setId("act-back");
        if (act.isEmpty()) {
            Paragraph missing = new Paragraph(getTranslation("docsearch.ui.act.notFound"));
            missing.setId("act-not-found");
            add(missing, back);
            return;
        }
        show(act.get());
        add(back);
    }

    static Optional<Long> parseId(String value) {
        try {
            return Optional.of(Long.parseLong(value));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void show(LegalAct act) {
        H2 title = new H2(act.title());
        title.setId("act-title");
        HorizontalLayout heading = new HorizontalLayout(title, ViewSupport.statusBadge(this, act.status()));
        heading.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(heading);
        if (editable && registry.canEdit(ViewSupport.user(currentUser))) {
            add(editButtons(act));
        }

        FormLayout details = new FormLayout();
        details.setId("act-details");
        details.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        field(details, "docsearch.ui.act.kind", act.kind() == null ? null : act.kind().name(getLocale()), "act-kind");
        field(details, "docsearch.ui.act.number", act.number(), "act-number");
        field(details, "docsearch.ui.act.date", DisplayFormats.date(act.date()), "act-date");
        field(details, "docsearch.ui.act.issuingBody", act.issuingBody(), "act-body");
        field(details, "docsearch.ui.act.convocation", act.convocation() == null ? null : String.valueOf(act.convocation()), "act-convocation");
        field(details, "docsearch.ui.act.session", act.session() == null ? null : String.valueOf(act.session()), "act-session");
        field(details, "docsearch.ui.act.tags", act.tags() == null || act.tags().isEmpty() ? null : String.join(", ", act.tags()), "act-tags");
        add(details);

        List<ActLink> links = act.links() == null ? List.of() : act.links();
        VerticalLayout linkList = section("docsearch.ui.act.links", "docsearch.ui.act.noLinks", links.isEmpty(),
                "act-links");
        for (ActLink link : links) {
            String relation = getTranslation("docsearch.ui.link." + link.type().name() + (link.outgoing() ? ".out" : ".in"));
            String other = ViewSupport.numberDate(this, link.otherNumber(), link.otherDate()) + " «"
                    + nullToEmpty(link.otherTitle()) + "»";
            Anchor to = new Anchor(actRoute + link.otherActId(), other);
            HorizontalLayout row = new HorizontalLayout(new Span(relation + ":"), to);
            row.getElement().setAttribute("data-link", link.type().name() + (link.outgoing() ? "-out" : "-in"));
            linkList.add(row);
        }
        add(linkList);
        if (references != null) {
            showReferences(act);
        }

        List<ActFile> files = act.files() == null ? List.of() : act.files();
        VerticalLayout fileList = section("docsearch.ui.act.files", "docsearch.ui.act.noFiles", files.isEmpty(),
                "act-files");
        for (ActFile file : files) {
            fileList.add(fileRow(act.id(), file));
        }
        add(fileList);
    }

    private void showReferences(LegalAct act) {
        List<ActReferences.Group> groups = references.to(act.id(), ViewSupport.user(currentUser));
        VerticalLayout list = section("docsearch.ui.act.references", "docsearch.ui.act.noReferences", groups.isEmpty(),
                "act-references");
        for (ActReferences.Group group : groups) {
            list.add(new Span(getTranslation(group.titleKey()) + ":"));
            for (LegalActReference reference : group.references()) {
                Anchor to = new Anchor(reference.route(), reference.title());
                to.addClassName("act-reference");
                list.add(to);
            }
        }
        add(list);
    }

    /** A heading, the "none" line when empty, and the list its rows go into (added by the caller). */
    private VerticalLayout section(String headingKey, String noneKey, boolean empty, String id) {
        add(new H3(getTranslation(headingKey)));
        if (empty) {
            add(new Paragraph(getTranslation(noneKey)));
        }
        VerticalLayout list = new VerticalLayout();
        list.setId(id);
        list.setPadding(false);
        list.setSpacing(false);
        return list;
    }

    private HorizontalLayout editButtons(LegalAct act) {
        Button edit = new Button(getTranslation("docsearch.ui.act.edit"), VaadinIcon.EDIT.create(),
                e -> getUI().ifPresent(ui -> ui.navigate("docs/edit/" + act.id())));
        edit.setId("act-edit");
        Button delete = new Button(getTranslation("docsearch.ui.act.delete"), VaadinIcon.TRASH.create(),
                e -> new ConfirmDialog(getTranslation("docsearch.ui.act.deleteTitle"),
                        getTranslation("docsearch.ui.act.deleteText", act.title()), getTranslation("docsearch.ui.act.delete"),
                        c -> delete(act), getTranslation("docsearch.ui.form.cancel"), c -> {
                        }).open());
        delete.setId("act-delete");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        return new HorizontalLayout(edit, delete);
    }

    private void delete(LegalAct act) {
        try {
            registry.delete(act.id(), ViewSupport.user(currentUser));
            ViewSupport.success(getTranslation("docsearch.ui.act.deleted"));
            getUI().ifPresent(ui -> ui.navigate(searchRoute));
        } catch (DocsearchException e) {
            ViewSupport.error(getTranslation(e.messageKey(), e.args()));
        } catch (RuntimeException e) {
            ViewSupport.error(getTranslation("docsearch.ui.form.failed", UiSupport.logFailure(LOG, "Delete of act " + act.id() + " failed", e)));
        }
    }

    /**
     * The documents API's address of a file (public, the same for everyone and after the session
     * ends), so a link can be shared; relative to the portal's root like the page's other links.
     */
    static String fileUrl(long actId, long fileId) {
        return "api/documents/" + actId + "/files/" + fileId;
    }

    private HorizontalLayout fileRow(long actId, ActFile file) {
        Anchor link = new Anchor(fileUrl(actId, file.id()), file.fileName());
        // a file, not a view of the portal: the router must let the browser fetch it
        link.setRouterIgnore(true);
        link.addClassName("act-file-download");
        link.getElement().setAttribute("title", getTranslation("docsearch.ui.act.download"));
        Span size = new Span(ViewSupport.size(this, file.size()));
        size.getStyle().set("color", "var(--lumo-secondary-text-color)");
        HorizontalLayout row = new HorizontalLayout(VaadinIcon.FILE_TEXT_O.create(), link, size);
        row.setAlignItems(FlexComponent.Alignment.CENTER);
        if (file.extraction() != null && file.extraction() != ExtractionStatus.OK) {
            Span flag = new Span(getTranslation("docsearch.ui.act.extraction." + file.extraction().name()));
            flag.getElement().getThemeList().add("badge");
            flag.getElement().getThemeList().add(switch (file.extraction()) {
                case FAILED -> "error";
                case OCR -> "success";
                default -> "contrast";
            });
            flag.getElement().setAttribute("data-extraction", file.extraction().name());
            row.add(flag);
            if (file.extractionError() != null && file.extraction() != ExtractionStatus.FAILED) {
                // why OCR gave no text (e.g. no tesseract on the server), or how much of a long scan it read
                Span note = new Span(file.extractionError());
                note.addClassName("act-file-note");
                note.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
                row.add(note);
            }
        }
        return row;
    }

    private void field(FormLayout form, String labelKey, String value, String id) {
        if (value == null || value.isBlank()) {
            return;
        }
        Span span = new Span(value);
        span.setId(id);
        form.addFormItem(span, getTranslation(labelKey));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
