package ua.hromada.opendata.ui.view;

import java.util.function.Consumer;
import java.util.function.Supplier;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import ua.hromada.opendata.api.CkanPublish;
import ua.hromada.opendata.api.CkanPublish.Action;
import ua.hromada.opendata.api.CkanPublish.PublishPreview;
import ua.hromada.opendata.api.CkanPublish.PublishResult;
import ua.hromada.opendata.api.CkanPublish.PublishRow;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.jobs.Jobs;
import ua.hromada.portal.ui.support.JobRunner;

/**
 * The publication part of {@code opendata/ckan}: "show what will be published" (the dry run: a
 * table of packages to create, to update — with the fields and links — and unchanged ones; nothing
 * sent), then "publish" makes exactly those calls. It shares the page's portal and organisation
 * fields, progress, status and cancel: one job at a time.
 */
class CkanPublishPanel extends VerticalLayout {
    private static final long serialVersionUID = 1L;
    private static final String POOL = "opendata.ckan";

    private final transient CkanPublish publish;
    private final transient Jobs jobs;
    private final transient PortalUser user;
    private final JobRunner runner;
    private final Paragraph status;
    private final transient Supplier<String> portal;
    private final transient Supplier<String> organization;
    private final transient Consumer<Throwable> failed;
    private final Button check = new Button();
    private final Button send = new Button();
    private final Grid<PublishRow> rows = new Grid<>();
    private transient PublishPreview current;

    CkanPublishPanel(CkanPublish publish, Jobs jobs, PortalUser user, JobRunner runner, Paragraph status,
            Supplier<String> portal, Supplier<String> organization, Consumer<Throwable> failed) {
        this.publish = publish;
        this.jobs = jobs;
        this.user = user;
        this.runner = runner;
        this.status = status;
        this.portal = portal;
        this.organization = organization;
        this.failed = failed;
        setPadding(false);
        check.setId("opendata-ckan-publish-check");
        check.setText(getTranslation("opendata.ui.ckan.publish.check"));
        check.addClickListener(e -> check());
        send.setId("opendata-ckan-publish");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.setVisible(false);
        send.addClickListener(e -> send());
        rows.setId("opendata-ckan-publish-rows");
        rows.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        rows.addColumn(PublishRow::identifier).setHeader(getTranslation("opendata.ui.field.identifier")).setFlexGrow(2);
        rows.addColumn(PublishRow::title).setHeader(getTranslation("opendata.ui.field.title")).setFlexGrow(3);
        rows.addComponentColumn(r -> {
            Span badge = new Span(getTranslation("opendata.ui.ckan.publish.action." + r.action().name()));
            badge.getElement().getThemeList().add(r.action() == Action.CREATE ? "badge success"
                    : r.action() == Action.UPDATE ? "badge" : "badge contrast");
            badge.getElement().setAttribute("data-action", r.action().name());
            return badge;
        }).setHeader(getTranslation("opendata.ui.ckan.action")).setAutoWidth(true).setFlexGrow(0);
        rows.addComponentColumn(r -> {
            Div details = new Div();
            details.getStyle().set("white-space", "pre-wrap");
            details.setText(String.join("\n", r.changes()));
            return details;
        }).setHeader(getTranslation("opendata.ui.ckan.publish.diff")).setFlexGrow(4);
        rows.setEmptyStateText(getTranslation("opendata.ui.ckan.publish.empty"));
        rows.setAllRowsVisible(true);
        Paragraph help = new Paragraph(getTranslation(publish.configured() ? "opendata.ui.ckan.publish.help"
                : "opendata.ui.ckan.publish.noKey"));
        help.setId("opendata-ckan-publish-help");
        add(new H3(getTranslation("opendata.ui.ckan.publish.title")), help, new HorizontalLayout(check, send), rows);
    }

    private void check() {
        current = null;
        send.setVisible(false);
        rows.setItems();
        String url = portal.get();
        String org = organization.get();
        if (runner.start(jobs, POOL, "CKAN publication dry run by " + user.username(),
                job -> publish.preview(user, url, org, job),
                (done, total) -> getTranslation("opendata.ui.ckan.reading", done, total), this::previewed)) {
            check.setEnabled(false);
            status.setText(getTranslation("opendata.ui.ckan.connecting", url));
        }
    }

    private void previewed(PublishPreview p, Throwable error) {
        check.setEnabled(true);
        if (error != null) {
            failed.accept(error);
            return;
        }
        current = p;
        long create = p.count(Action.CREATE);
        long update = p.count(Action.UPDATE);
        status.setText(getTranslation("opendata.ui.ckan.publish.previewStatus", p.rows().size(), create, update,
                p.count(Action.UNCHANGED), p.manager()));
        status.getElement().setAttribute("data-state", "publish-preview");
        status.getElement().setAttribute("data-create", Long.toString(create));
        status.getElement().setAttribute("data-update", Long.toString(update));
        send.setText(getTranslation("opendata.ui.ckan.publish.send", create + update));
        send.setEnabled(create + update > 0 && publish.configured());
        send.setVisible(true);
        rows.setItems(p.rows());
    }

    private void send() {
        PublishPreview p = current;
        if (p == null) {
            return;
        }
        if (runner.start(jobs, POOL, "CKAN publication by " + user.username(), job -> publish.publish(user, p, job),
                (done, total) -> getTranslation("opendata.ui.ckan.publish.sending", done, total), this::sent)) {
            send.setEnabled(false);
            check.setEnabled(false);
        }
    }

    private void sent(PublishResult r, Throwable error) {
        check.setEnabled(true);
        current = null;
        send.setVisible(false);
        if (error != null) {
            failed.accept(error);
            return;
        }
        status.setText(getTranslation("opendata.ui.ckan.publish.done", r.created(), r.updated(), r.resourcesCreated()));
        status.getElement().setAttribute("data-state", "published");
        OpendataUi.success(status.getText());
    }
}
