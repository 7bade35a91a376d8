package ua.hromada.oks.adminui.analytics;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;

import ua.hromada.oks.api.OksArchive;
import ua.hromada.oks.api.OksPermissions;
import ua.hromada.oks.api.Violation;
import ua.hromada.oks.api.ViolationQuery;
import ua.hromada.oks.api.Violations;
import ua.hromada.oks.adminui.support.Feedback;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.calendar.DisplayFormats;
import ua.hromada.portal.ui.support.Confirmation;

/**
 * The «Архів» tab: how many cases are archived and which, when confirmed cases are archived
 * automatically, and for an OKS administrator the confirmed cases waiting for the archive with a
 * bulk archive (the chosen ones, or every one confirmed more than some days ago), each after a
 * confirmation. The rules (who may, which cases) are {@link OksArchive}'s.
 */
class ArchivePanel extends VerticalLayout {
    private static final long serialVersionUID = 1L;

    private final transient Violations violations;
    private final transient OksArchive archive;
    private final ZoneId zone;
    /** Run after a bulk archive: the other tabs count again. */
    private final transient Runnable changed;
    /** Shows a refusal or failure the way the rest of the page does. */
    private final transient Consumer<Runnable> load;

    private final VerticalLayout summary = new VerticalLayout();
    private final Grid<Violation> archived = grid("oks-archive-grid", "oks.adminui.archive.archived");
    private final VerticalLayout waiting = new VerticalLayout();
    private final Grid<Violation> confirmed = grid("oks-archive-confirmed", "oks.adminui.archive.confirmedAt");
    private final IntegerField days = new IntegerField();
    private final Button chosen = new Button();
    private final Button older = new Button();
    /** Who the panel was last drawn for: the buttons act as them. */
    private transient PortalUser actor;

    ArchivePanel(Violations violations, OksArchive archive, ZoneId zone, Runnable changed, Consumer<Runnable> load) {
        this.violations = violations;
        this.archive = archive;
        this.zone = zone;
        this.changed = changed;
        this.load = load;
        setPadding(false);
        summary.setPadding(false);
        waiting.setPadding(false);
        archived.setEmptyStateText(getTranslation("oks.adminui.archive.empty"));
        confirmed.setEmptyStateText(getTranslation("oks.adminui.archive.noneConfirmed"));
        confirmed.setSelectionMode(Grid.SelectionMode.MULTI);
        days.setId("oks-archive-days");
        days.setLabel(getTranslation("oks.adminui.archive.days"));
        days.setMin(0);
        days.setMax(OksArchive.MAX_DAYS);
        days.setStepButtonsVisible(true);
        chosen.setText(getTranslation("oks.adminui.archive.chosen"));
        chosen.setId("oks-archive-chosen");
        chosen.setEnabled(false);
        chosen.addClickListener(e -> archiveChosen(actor));
        confirmed.addSelectionListener(e -> chosen.setEnabled(!e.getAllSelectedItems().isEmpty()));
        older.setText(getTranslation("oks.adminui.archive.older"));
        older.setId("oks-archive-older");
        older.addThemeVariants(ButtonVariant.LUMO_ERROR);
        older.addClickListener(e -> archiveOlder(actor));
        add(summary, archived, waiting);
    }

    /** Reads the archive and, for an administrator, what waits for it. */
    void refresh(PortalUser user) {
        this.actor = user;
        load.accept(() -> {
            summary.removeAll();
            ViolationQuery all = DrillDown.archive();
            long total = violations.count(actor, all);
            Anchor open = new Anchor(DrillDown.href(all), getTranslation("oks.adminui.archive.open"));
            open.getElement().setAttribute("router-link", true);
            open.setId("oks-archive-open");
            Span count = new Span(getTranslation("oks.adminui.archive.total", total));
            count.setId("oks-archive-total");
            count.getElement().setAttribute("data-value", Long.toString(total));
            int auto = archive.autoArchiveDays();
            Paragraph rule = new Paragraph(auto == 0 ? getTranslation("oks.adminui.archive.autoOff")
                    : getTranslation("oks.adminui.archive.auto", auto));
            rule.setId("oks-archive-auto");
            summary.add(new HorizontalLayout(count, open), rule);
            archived.setItems(q -> violations.search(actor, all.page(q.getOffset(), q.getLimit())).stream(),
                    q -> (int) violations.count(actor, all));
            if (days.getValue() == null) {
                days.setValue(auto == 0 ? 30 : auto);
            }
            waiting.removeAll();
            if (admin(actor)) {
                waiting();
            }
        });
    }

    private void waiting() {
        ViolationQuery every = archive.confirmedOlderThan(0);
        long total = violations.count(actor, every);
        Span count = new Span(getTranslation("oks.adminui.archive.confirmedTotal", total));
        count.setId("oks-archive-confirmed-total");
        count.getElement().setAttribute("data-value", Long.toString(total));
        Anchor open = new Anchor(DrillDown.href(every), getTranslation("oks.adminui.archive.openConfirmed"));
        open.getElement().setAttribute("router-link", true);
        confirmed.deselectAll();
        confirmed.setItems(q -> violations.search(actor, every.page(q.getOffset(), q.getLimit())).stream(),
                q -> (int) violations.count(actor, every));
        HorizontalLayout bar = new HorizontalLayout(chosen, days, older);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.setWrap(true);
        waiting.add(new H3(getTranslation("oks.adminui.archive.waiting")), new HorizontalLayout(count, open), confirmed, bar);
    }

    private void archiveChosen(PortalUser user) {
        List<Long> ids = confirmed.getSelectedItems().stream().map(Violation::id).sorted().toList();
        Confirmation.ask("oks-archive-confirm", getTranslation("oks.adminui.archive.confirmHeader"),
                getTranslation("oks.adminui.archive.confirmChosen", ids.size()), getTranslation("oks.adminui.archive.cancel"),
                getTranslation("oks.adminui.archive.confirmYes"), () -> done(() -> archive.archive(user, ids)));
    }

    private void archiveOlder(PortalUser user) {
        Integer n = days.getValue();
        if (n == null || n < 0 || n > OksArchive.MAX_DAYS) {
            days.setInvalid(true);
            days.setErrorMessage(getTranslation("oks.adminui.archive.badDays", OksArchive.MAX_DAYS));
            return;
        }
        days.setInvalid(false);
        long count = violations.count(user, archive.confirmedOlderThan(n));
        Confirmation.ask("oks-archive-confirm", getTranslation("oks.adminui.archive.confirmHeader"),
                getTranslation("oks.adminui.archive.confirmOlder", count, n), getTranslation("oks.adminui.archive.cancel"),
                getTranslation("oks.adminui.archive.confirmYes"), () -> done(() -> archive.archiveConfirmed(user, n)));
    }

    private void done(java.util.function.Supplier<OksArchive.Result> work) {
        load.accept(() -> {
            OksArchive.Result r = work.get();
            Feedback.success(r.skipped().isEmpty() ? getTranslation("oks.adminui.archive.done", r.archived().size())
                    : getTranslation("oks.adminui.archive.doneSkipped", r.archived().size(), r.skipped().size()));
            changed.run();
        });
    }

    private static boolean admin(PortalUser u) {
        return u.hasPermission(OksPermissions.ADMINISTER);
    }

    private Grid<Violation> grid(String id, String lastColumn) {
        Grid<Violation> g = new Grid<>();
        g.setId(id);
        g.addComponentColumn(v -> {
            Anchor a = new Anchor("oks/violation/" + v.id(), Long.toString(v.id()));
            a.getElement().setAttribute("router-link", true);
            return a;
        }).setHeader(getTranslation("oks.adminui.archive.id")).setAutoWidth(true).setFlexGrow(0);
        g.addColumn(v -> v.type() == null ? "" : v.type().name()).setHeader(getTranslation("oks.adminui.archive.type"))
                .setAutoWidth(true);
        g.addColumn(Violation::address).setHeader(getTranslation("oks.adminui.archive.address")).setFlexGrow(2);
        g.addColumn(v -> dateTime(v.createdAt())).setHeader(getTranslation("oks.adminui.archive.created"))
                .setAutoWidth(true);
        g.addColumn(v -> dateTime(v.lastActionAt())).setHeader(getTranslation(lastColumn)).setAutoWidth(true);
        g.addColumn(v -> v.executor() == null ? "" : v.executor().name())
                .setHeader(getTranslation("oks.adminui.archive.executor")).setAutoWidth(true);
        g.setHeight("24rem");
        return g;
    }

    private String dateTime(Instant at) {
        return DisplayFormats.dateTime(at, zone);
    }

    /** For the page's tabs: this panel as one component. */
    Component component() {
        return this;
    }
}
