package ua.hromada.opendata.ui.view;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextField;

import ua.hromada.opendata.api.CkanImport;
import ua.hromada.opendata.api.CkanImport.Change;
import ua.hromada.opendata.api.CkanImport.CkanPreview;
import ua.hromada.opendata.api.CkanImport.CkanResult;
import ua.hromada.opendata.api.CkanImport.CkanRow;
import ua.hromada.opendata.api.CkanPublish;
import ua.hromada.opendata.api.OpendataException;
import ua.hromada.opendata.api.OpendataPermissions;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.jobs.Jobs;
import ua.hromada.portal.ui.support.JobRunner;
import ua.hromada.portal.ui.support.UiSupport;

/**
 * {@code opendata/ckan}: the portal's address and the organisation, "show changes" (the dry run:
 * a table of new, changed — with the fields — unchanged and skipped packages; nothing saved), then
 * "import" writes exactly that table; below, the publication back to the portal
 * ({@link CkanPublishPanel}). All run as jobs with progress and cancel.
 */
public class CkanImportView extends VerticalLayout {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(CkanImportView.class);
    private static final String POOL = "opendata.ckan";

    private final transient CkanImport ckan;
    private final transient Jobs jobs;
    private final transient PortalUser user;
    private final TextField portal = new TextField();
    private final TextField organization = new TextField();
    private final Button check = new Button();
    private final Button commit = new Button();
    private final Button cancel = new Button();
    private final ProgressBar progress = new ProgressBar();
    private final Paragraph status = new Paragraph();
    private final Checkbox changesOnly = new Checkbox();
    private final Grid<CkanRow> rows = new Grid<>();
    private JobRunner runner;
    private transient CkanPreview current;

    public CkanImportView(CkanImport ckan, CkanPublish publish, Jobs jobs, PortalUser user) {
        this.ckan = ckan;
        this.jobs = jobs;
        this.user = user;
        setId("opendata-ckan");
        setSizeFull();
        if (!OpendataPermissions.canEdit(user)) {
            add(OpendataUi.noAccess(this));
            return;
        }
        portal.setId("opendata-ckan-portal");
        portal.setLabel(getTranslation("opendata.ui.ckan.portal"));
        portal.setPlaceholder("https://data.gov.ua");
        portal.setWidth("24rem");
        organization.setId("opendata-ckan-organization");
        organization.setLabel(getTranslation("opendata.ui.ckan.organization"));
        organization.setHelperText(getTranslation("opendata.ui.ckan.organizationHelp"));
        organization.setWidth("20rem");
        check.setId("opendata-ckan-check");
        check.setText(getTranslation("opendata.ui.ckan.check"));
        check.addClickListener(e -> check());
        commit.setId("opendata-ckan-commit");
        commit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        commit.setVisible(false);
        commit.addClickListener(e -> commit());
        cancel.setId("opendata-ckan-cancel");
        cancel.setText(getTranslation("opendata.ui.ckan.cancel"));
        progress.setId("opendata-ckan-progress");
        progress.setWidth("16rem");
        status.setId("opendata-ckan-status");
        runner = new JobRunner(this, progress, status, cancel, getTranslation("opendata.ui.ckan.cancelling"));

        rows.setId("opendata-ckan-rows");
        rows.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        rows.addColumn(CkanRow::name).setHeader(getTranslation("opendata.ui.field.identifier")).setFlexGrow(2);
        rows.addColumn(r -> r.title() == null ? "" : r.title()).setHeader(getTranslation("opendata.ui.field.title"))
                .setFlexGrow(3);
        rows.addComponentColumn(r -> {
            Span badge = new Span(getTranslation("opendata.ui.ckan.change." + r.change().name()));
            badge.getElement().getThemeList().add(switch (r.change()) {
                case NEW -> "badge success";
                case CHANGED -> "badge";
                case UNCHANGED -> "badge contrast";
                case INVALID -> "badge error";
            });
            badge.getElement().setAttribute("data-change", r.change().name());
            return badge;
        }).setHeader(getTranslation("opendata.ui.ckan.action")).setAutoWidth(true).setFlexGrow(0);
        rows.addComponentColumn(r -> {
            Div details = new Div();
            details.getStyle().set("white-space", "pre-wrap");
            if (r.change() == Change.INVALID) {
                details.getStyle().set("color", "var(--lumo-error-text-color)");
            }
            details.setText(String.join("\n", r.change() == Change.INVALID ? r.errors() : r.changes()));
            return details;
        }).setHeader(getTranslation("opendata.ui.ckan.details")).setFlexGrow(4);
        rows.setEmptyStateText(getTranslation("opendata.ui.ckan.empty"));
        rows.setHeight("60vh");
        rows.setMinHeight("16rem");
        changesOnly.setId("opendata-ckan-changes-only");
        changesOnly.setLabel(getTranslation("opendata.ui.ckan.changesOnly"));
        changesOnly.setVisible(false);
        changesOnly.addValueChangeListener(e -> showRows());

        HorizontalLayout form = new HorizontalLayout(portal, organization, check);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        HorizontalLayout running = new HorizontalLayout(commit, cancel, progress, status);
        running.setAlignItems(FlexComponent.Alignment.CENTER);
        running.setWrap(true);
        add(new H2(getTranslation("opendata.ui.ckan.title")), new Paragraph(getTranslation("opendata.ui.ckan.help")),
                form, running, changesOnly, rows, new CkanPublishPanel(publish, jobs, user, runner, status,
                        portal::getValue, organization::getValue, this::failed));
    }

    private void check() {
        String url = portal.getValue();
        String org = organization.getValue();
        current = null;
        commit.setVisible(false);
        rows.setItems();
        status.getElement().removeAttribute("data-state");
        // the portal may hold hundreds of packages: read them as a job, never on the UI thread
        if (runner.start(jobs, POOL, "CKAN dry run by " + user.username(), job -> ckan.preview(user, url, org, job),
                (done, total) -> getTranslation("opendata.ui.ckan.reading", done, total), this::previewed)) {
            check.setEnabled(false);
            status.setText(getTranslation("opendata.ui.ckan.connecting", url));
        }
    }

    private void previewed(CkanPreview p, Throwable error) {
        check.setEnabled(true);
        if (error != null) {
            failed(error);
            return;
        }
        current = p;
        long fresh = p.count(Change.NEW);
        long changed = p.count(Change.CHANGED);
        status.setText(getTranslation("opendata.ui.ckan.previewStatus", p.rows().size(), fresh, changed,
                p.count(Change.UNCHANGED), p.count(Change.INVALID), p.manager())
                + (p.newManager() ? " " + getTranslation("opendata.ui.ckan.newManager", p.manager()) : ""));
        status.getElement().setAttribute("data-state", "preview");
        status.getElement().setAttribute("data-new", Long.toString(fresh));
        status.getElement().setAttribute("data-changed", Long.toString(changed));
        commit.setText(getTranslation("opendata.ui.ckan.commit", fresh + changed));
        commit.setEnabled(fresh + changed > 0);
        commit.setVisible(true);
        changesOnly.setVisible(true);
        showRows();
    }

    private void commit() {
        CkanPreview p = current;
        if (p == null) {
            return;
        }
        if (runner.start(jobs, POOL, "CKAN import by " + user.username(), job -> ckan.commit(user, p, job),
                (done, total) -> getTranslation("opendata.ui.ckan.writing", done, total), this::committed)) {
            commit.setEnabled(false);
            check.setEnabled(false);
        }
    }

    private void committed(CkanResult r, Throwable error) {
        check.setEnabled(true);
        current = null;
        commit.setVisible(false);
        if (error != null) {
            failed(error);
            return;
        }
        status.setText(getTranslation("opendata.ui.ckan.done", r.created(), r.updated(), r.unchanged(), r.skipped(),
                r.resourcesAdded()));
        status.getElement().setAttribute("data-state", "done");
        status.getElement().setAttribute("data-created", Integer.toString(r.created()));
        status.getElement().setAttribute("data-updated", Integer.toString(r.updated()));
        OpendataUi.success(status.getText());
    }

    private void failed(Throwable error) {
        Throwable e = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        status.getElement().setAttribute("data-state", "failed");
        if (e instanceof OpendataException refusal) {
            status.setText(OpendataUi.reason(this, refusal));
        } else if (e instanceof CancellationException) {
            status.setText(getTranslation("opendata.ui.ckan.cancelled"));
        } else {
            status.setText(getTranslation("opendata.ui.failed", UiSupport.logFailure(LOG, "CKAN import failed", e)));
        }
    }

    private void showRows() {
        if (current == null) {
            rows.setItems();
            return;
        }
        rows.setItems(changesOnly.getValue()
                ? current.rows().stream().filter(r -> r.change() != Change.UNCHANGED).toList() : current.rows());
    }
}
