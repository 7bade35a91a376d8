package ua.hromada.crm.ui.cards;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;

import ua.hromada.crm.api.CardRevision;
import ua.hromada.crm.api.Channel;
import ua.hromada.crm.api.CrmException;
import ua.hromada.crm.api.FeeKind;
import ua.hromada.crm.api.ProviderKind;
import ua.hromada.crm.api.ServiceCard;
import ua.hromada.crm.api.ServiceCards;
import ua.hromada.portal.api.PortalException.Reason;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.calendar.DisplayFormats;
import ua.hromada.portal.api.jdbc.EditConflictException;
import ua.hromada.portal.api.legal.LegalActLookup;
import ua.hromada.portal.ui.support.UiSupport;

/**
 * {@code tsnap/kartky/:id}: one card ({@code nova}: a new one) — the head edits it, every save that
 * changes it a new version; the versions are listed and any older one opens as it was.
 */
public class CardView extends VerticalLayout implements BeforeEnterObserver {
    private static final long serialVersionUID = 1L;

    private final transient ServiceCards cards;
    private final transient LegalActLookup acts;
    private final transient PortalUser user;
    private final ZoneId zone;
    final H2 title = new H2();
    final Paragraph notice = new Paragraph();
    final CardForm form;
    final Button save = new Button();
    final Grid<CardRevision> history = new Grid<>();
    private final H3 historyTitle = new H3();
    private long id;

    public CardView(ServiceCards cards, LegalActLookup acts, ZoneId zone, PortalUser user) {
        this.cards = cards;
        this.acts = acts;
        this.user = user;
        this.zone = zone;
        this.form = new CardForm(acts);
        setId("card-view");
        notice.setId("card-notice");
        notice.getElement().setAttribute("aria-live", "polite");
        boolean editor = CardsUi.editor(user);
        form.setReadOnly(!editor);
        save.setText(getTranslation("crm.card.ui.save"));
        save.setId("card-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setVisible(editor);
        save.addClickListener(e -> save());
        historyTitle.setText(getTranslation("crm.card.ui.history"));
        history.setId("card-history");
        history.addColumn(r -> getTranslation("crm.card.ui.version", r.cardVersion()))
                .setHeader(getTranslation("crm.card.ui.col.version")).setAutoWidth(true).setFlexGrow(0);
        history.addColumn(r -> DisplayFormats.DATE_TIME.format(r.savedAt().atZone(zone))).setHeader(getTranslation("crm.card.ui.savedAt"))
                .setAutoWidth(true);
        history.addColumn(CardRevision::savedBy).setHeader(getTranslation("crm.card.ui.savedBy")).setFlexGrow(1);
        history.addComponentColumn(r -> {
            Button open = new Button(getTranslation("crm.card.ui.openVersion"), e -> openVersion(r.cardVersion()));
            open.setId("card-version-" + r.cardVersion());
            open.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            return open;
        }).setAutoWidth(true).setFlexGrow(0);
        history.setAllRowsVisible(true);
        Anchor back = new Anchor(CardsUi.LIST_ROUTE, getTranslation("crm.card.ui.back"));
        back.setId("card-back");
        add(back, title, notice, form, save, historyTitle, history);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String param = event.getRouteParameters().get("id").orElse("");
        if (CardsUi.NEW.equals(param)) {
            title.setText(getTranslation("crm.card.ui.new"));
            form.show(new ServiceCard(0, "", "", "", ProviderKind.COUNCIL_UNIT, "", "", "", "", FeeKind.FREE, null, "", 1,
                    "", "", Set.of(Channel.IN_PERSON), "", List.of(), true, 0, 0));
            showHistory(List.of());
            return;
        }
        Optional<ServiceCard> found = Optional.empty();
        try {
            found = cards.get(user, Long.parseLong(param));
        } catch (NumberFormatException e) {
            // an address typed by hand: no such card
        }
        found.ifPresentOrElse(this::show, () -> {
            title.setText(getTranslation("crm.card.ui.notFound"));
            form.setVisible(false);
            save.setVisible(false);
            showHistory(List.of());
        });
    }

    private void show(ServiceCard c) {
        id = c.id();
        title.setText(c.localCode() + " — " + c.name());
        form.show(c);
        showHistory(cards.history(user, c.id()));
    }

    private void showHistory(List<CardRevision> revisions) {
        history.setItems(revisions);
        history.setVisible(!revisions.isEmpty());
        historyTitle.setVisible(!revisions.isEmpty());
    }

    void save() {
        notice.setText("");
        try {
            ServiceCard saved = cards.save(user, form.value());
            show(saved);
            // the address names the saved card, without entering the page again
            getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null, new Location(CardsUi.PREFIX + saved.id())));
            UiSupport.success(getTranslation("crm.card.ui.saved", saved.cardVersion()));
        } catch (CrmException e) {
            if (e.reason() == Reason.INVALID) {
                form.showErrors(e);
            }
            notice.setText(getTranslation(e.messageKey(), e.args()));
        } catch (EditConflictException e) {
            notice.setText(getTranslation("crm.error.conflict"));
        }
    }

    /** A saved version as it was, read-only, in a dialog. */
    void openVersion(int cardVersion) {
        cards.version(user, id, cardVersion).ifPresent(c -> {
            Dialog dialog = new Dialog();
            dialog.setId("card-version-dialog");
            dialog.setHeaderTitle(getTranslation("crm.card.ui.versionOf", cardVersion, c.name()));
            dialog.setWidth("min(1000px, 100vw)");
            CardForm old = new CardForm(acts);
            old.show(c);
            old.setReadOnly(true);
            dialog.add(old);
            Button close = new Button(getTranslation("crm.card.ui.close"), e -> dialog.close());
            close.setId("card-version-close");
            dialog.getFooter().add(close);
            dialog.open();
        });
    }
}
