package ua.hromada.eservices.ui.appeals;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;

import ua.hromada.eservices.api.Appeal;
import ua.hromada.eservices.api.AppealStep;
import ua.hromada.eservices.api.Appeals;
import ua.hromada.eservices.api.EservicesException;
import ua.hromada.eservices.ui.EservicesUi;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.calendar.DisplayFormats;
import ua.hromada.portal.api.jdbc.EditConflictException;
import ua.hromada.portal.api.map.GeoPoint;
import ua.hromada.portal.api.map.MapSettings;
import ua.hromada.portal.ui.map.PortalMap;
import ua.hromada.portal.ui.support.EditConflicts;
import ua.hromada.portal.ui.support.UiSupport;

/**
 * An appeal's card ({@code eservices/appeal/:id}): everything received, the place on a map, the
 * files, the hand-over, the steps the status allows (assign, answer, close) and the journal. Which
 * appeals a user may open and change is the service's answer.
 */
public class AppealCardView extends VerticalLayout implements BeforeEnterObserver {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(AppealCardView.class);

    private final transient Appeals appeals;
    private final transient MapSettings mapSettings;
    private final transient PortalUser user;
    private final ZoneId zone;
    private long id = -1;

    public AppealCardView(Appeals appeals, MapSettings mapSettings, PortalUser user, ZoneId zone) {
        this.appeals = appeals;
        this.mapSettings = mapSettings;
        this.user = user;
        this.zone = zone;
        setId("eservices-appeal-card");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        show(event.getRouteParameters().get("id").flatMap(AppealCardView::parseId).orElse(-1L));
    }

    static Optional<Long> parseId(String value) {
        try {
            return Optional.of(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Shows the appeal {@code appealId} as it is now. */
    void show(long appealId) {
        id = appealId;
        removeAll();
        Anchor back = new Anchor(EservicesUi.INBOX_ROUTE, getTranslation("eservices.ui.appeal.card.back"));
        back.setId("eservices-appeal-back");
        add(back);
        Appeal appeal;
        try {
            appeal = appeals.get(user, appealId);
        } catch (EservicesException e) {
            Paragraph missing = new Paragraph(AppealsUi.reason(this, e));
            missing.setId("eservices-appeal-missing");
            add(new H2(getTranslation("eservices.ui.appeal.menu.card")), missing);
            return;
        }
        H2 title = new H2(getTranslation("eservices.ui.appeal.card.title", appeal.number()));
        title.setId("eservices-appeal-title");
        HorizontalLayout head = new HorizontalLayout(title, AppealsUi.statusBadge(this, appeal.status()));
        if (appeal.overdue()) {
            head.add(AppealsUi.overdueMark(this));
        }
        head.setAlignItems(FlexComponent.Alignment.CENTER);
        head.setWrap(true);
        add(head, actions(appeal), facts(appeal));
        if (appeal.latitude() != null && appeal.longitude() != null) {
            add(place(new GeoPoint(appeal.latitude(), appeal.longitude())));
        }
        add(attachments(appeal), journal());
    }

    private HorizontalLayout actions(Appeal a) {
        HorizontalLayout bar = new HorizontalLayout();
        bar.setId("eservices-appeal-actions");
        bar.setWrap(true);
        if (a.status().open()) {
            Button assign = new Button(getTranslation(a.executorName() == null ? "eservices.ui.appeal.card.assign"
                    : "eservices.ui.appeal.card.reassign"), VaadinIcon.USER_CHECK.create(), e -> assign(a));
            assign.setId("eservices-appeal-assign");
            Button answer = new Button(getTranslation("eservices.ui.appeal.card.answer"), VaadinIcon.REPLY.create(),
                    e -> answer(a));
            answer.setId("eservices-appeal-answer");
            answer.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            bar.add(assign, answer);
        }
        if (a.status() == ua.hromada.eservices.api.AppealStatus.ANSWERED) {
            Button close = new Button(getTranslation("eservices.ui.appeal.card.close"), VaadinIcon.CHECK.create(),
                    e -> close(a));
            close.setId("eservices-appeal-close");
            bar.add(close);
        }
        bar.setVisible(bar.getComponentCount() > 0);
        return bar;
    }

    private void assign(Appeal a) {
        SaveDialog<Appeal> d = new SaveDialog<>(this, "eservices-assign", getTranslation("eservices.ui.appeal.card.assign"),
                getTranslation("eservices.ui.appeal.card.assignSave"));
        TextField name = new TextField(getTranslation("eservices.ui.appeal.f.executorName"));
        name.setId("eservices-assign-name");
        name.setRequiredIndicatorVisible(true);
        name.setWidthFull();
        name.setValue(a.executorName() == null ? "" : a.executorName());
        TextField phone = new TextField(getTranslation("eservices.ui.appeal.f.executorPhone"));
        phone.setId("eservices-assign-phone");
        phone.setRequiredIndicatorVisible(true);
        phone.setHelperText(getTranslation("eservices.ui.appeal.card.assignHint"));
        phone.setValue(a.executorPhone() == null ? "" : a.executorPhone());
        d.errors.add(name, "executorName", "name");
        d.errors.add(phone, "executorPhone", "phone");
        d.content(name, phone);
        d.onSave(() -> appeals.assign(user, a.id(), a.version(), name.getValue(), phone.getValue()),
                saved -> changed("eservices.ui.appeal.card.assigned"), this::reload);
        d.open();
        name.focus();
    }

    private void answer(Appeal a) {
        SaveDialog<Appeal> d = new SaveDialog<>(this, "eservices-answer", getTranslation("eservices.ui.appeal.card.answer"),
                getTranslation("eservices.ui.appeal.card.answerSave"));
        TextArea text = new TextArea(getTranslation("eservices.ui.appeal.f.answer"));
        text.setId("eservices-answer-text");
        text.setRequiredIndicatorVisible(true);
        text.setHelperText(getTranslation(a.publicAppeal() ? "eservices.ui.appeal.card.answerPublic"
                : "eservices.ui.appeal.card.answerConfidential"));
        text.setWidthFull();
        text.setMinHeight("12rem");
        d.errors.add(text, "answer", "text");
        d.content(text);
        d.onSave(() -> appeals.answer(user, a.id(), a.version(), text.getValue()),
                saved -> changed("eservices.ui.appeal.card.answered"), this::reload);
        d.open();
        text.focus();
    }

    private void close(Appeal a) {
        try {
            appeals.close(user, a.id(), a.version());
            changed("eservices.ui.appeal.card.closed");
        } catch (EditConflictException e) {
            EditConflicts.show(this, this::reload);
        } catch (EservicesException e) {
            UiSupport.error(AppealsUi.reason(this, e));
        } catch (RuntimeException e) {
            UiSupport.error(AppealsUi.failed(this, LOG, "Closing appeal " + a.id() + " failed", e));
        }
    }

    private void changed(String doneKey) {
        UiSupport.success(getTranslation(doneKey));
        reload();
    }

    private void reload() {
        show(id);
    }

    private DescriptionList facts(Appeal a) {
        DescriptionList facts = new DescriptionList();
        facts.setId("eservices-appeal-facts");
        AppealFacts.add(facts, getTranslation("eservices.ui.appeal.f.received"), DisplayFormats.dateTime(a.receivedAt(), zone));
        AppealFacts.add(facts, getTranslation("eservices.ui.appeal.f.topic"), a.topicName());
        AppealFacts.add(facts, getTranslation("eservices.ui.appeal.f.unit"), a.unitName());
        AppealFacts.add(facts, getTranslation("eservices.ui.appeal.f.deadline"), AppealFacts.deadline(this, a.deadline(),
                a.overdue()));
        AppealFacts.add(facts, getTranslation("eservices.ui.appeal.f.applicant"), a.applicantName());
        Anchor mail = new Anchor("mailto:" + a.email(), a.email());
        mail.setId("eservices-appeal-applicant-email");
        Span contacts = new Span(mail);
        if (a.phone() != null && !a.phone().isBlank()) {
            contacts.add(new Span(", "), AppealFacts.person(null, a.phone(), "eservices-appeal-applicant-phone"));
        }
        AppealFacts.add(facts, getTranslation("eservices.ui.appeal.f.contacts"), contacts);
        AppealFacts.add(facts, getTranslation("eservices.ui.appeal.f.publicity"), getTranslation(a.publicAppeal()
                ? "eservices.ui.appeal.form.public" : "eservices.ui.appeal.form.confidential"));
        AppealFacts.add(facts, getTranslation("eservices.ui.appeal.f.executor"), a.executorName() == null
                ? new Span(getTranslation("eservices.ui.appeal.card.noExecutor"))
                : AppealFacts.person(a.executorName(), a.executorPhone(), "eservices-appeal-executor-phone"));
        if (a.handedOverTo() != null) {
            AppealFacts.add(facts, getTranslation("eservices.ui.appeal.f.handover"), handover(a));
        }
        AppealFacts.add(facts, getTranslation("eservices.ui.appeal.f.text"), AppealFacts.longText(a.text()));
        AppealFacts.add(facts, getTranslation("eservices.ui.appeal.f.answer"), a.answer() == null
                ? new Span(getTranslation("eservices.ui.appeal.noAnswer"))
                : AppealFacts.answer(a.answer(), DisplayFormats.dateTime(a.answeredAt(), zone)));
        return facts;
    }

    private Component handover(Appeal a) {
        String what = getTranslation("eservices.ui.appeal.handover." + a.handedOverTo(), a.handoverReference());
        if (a.handoverRoute() == null || a.handoverRoute().isBlank()) {
            return new Span(what);
        }
        Anchor link = new Anchor(a.handoverRoute(), what);
        link.setId("eservices-appeal-handover");
        return link;
    }

    private Div place(GeoPoint point) {
        PortalMap map = new PortalMap(mapSettings);
        map.setId("eservices-appeal-map");
        map.setWidthFull();
        map.setHeight("300px");
        map.setSelectedPoint(point);
        map.setView(point, 17);
        Div box = new Div(new H3(getTranslation("eservices.ui.appeal.card.place")), map);
        box.setWidthFull();
        // Leaflet's z-indexes stay inside the box, under the page's dialogs
        box.getStyle().set("isolation", "isolate");
        return box;
    }

    private Div attachments(Appeal a) {
        Div box = new Div(new H3(getTranslation("eservices.ui.appeal.card.files")));
        box.setId("eservices-appeal-files");
        if (a.attachments().isEmpty()) {
            box.add(new Paragraph(getTranslation("eservices.ui.appeal.card.noFiles")));
            return box;
        }
        UnorderedList list = new UnorderedList();
        for (Appeal.Attachment f : a.attachments()) {
            Anchor link = new Anchor(UiSupport.download(f::fileName, f.contentType(), LOG,
                    "Download of appeal " + a.id() + " file " + f.id() + " failed",
                    out -> out.write(appeals.attachment(user, a.id(), f.id()))), AttachmentType.DOWNLOAD, f.fileName());
            link.setId("eservices-appeal-file-" + f.id());
            Span size = new Span(" (" + getTranslation("eservices.ui.appeal.card.size", kilobytes(f.size())) + ")");
            list.add(new ListItem(link, size));
        }
        box.add(list);
        return box;
    }

    private static long kilobytes(long bytes) {
        return Math.max(1, (bytes + 1023) / 1024);
    }

    private Div journal() {
        Grid<AppealStep> grid = new Grid<>();
        grid.setId("eservices-appeal-journal");
        grid.addColumn(s -> DisplayFormats.dateTime(s.at(), zone)).setHeader(getTranslation("eservices.ui.appeal.journal.at"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(s -> getTranslation("eservices.appeal.step." + s.action()))
                .setHeader(getTranslation("eservices.ui.appeal.journal.action")).setAutoWidth(true);
        grid.addColumn(s -> s.actor() == null ? getTranslation("eservices.ui.appeal.journal.system") : s.actor())
                .setHeader(getTranslation("eservices.ui.appeal.journal.actor")).setAutoWidth(true);
        grid.addColumn(s -> s.details() == null ? "" : s.details())
                .setHeader(getTranslation("eservices.ui.appeal.journal.details")).setFlexGrow(3);
        grid.setEmptyStateText(getTranslation("eservices.ui.appeal.journal.empty"));
        grid.setAllRowsVisible(true);
        List<AppealStep> steps;
        try {
            steps = appeals.journal(user, id);
        } catch (EservicesException e) {
            steps = List.of();
        }
        grid.setItems(steps);
        return new Div(new H3(getTranslation("eservices.ui.appeal.journal.title")), grid);
    }
}
