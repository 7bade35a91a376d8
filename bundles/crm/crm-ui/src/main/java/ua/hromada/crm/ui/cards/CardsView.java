package ua.hromada.crm.ui.cards;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.server.streams.DownloadHandler;

import ua.hromada.crm.api.CardFileFormat;
import ua.hromada.crm.api.CardTransfer;
import ua.hromada.crm.api.ServiceCard;
import ua.hromada.crm.api.ServiceCards;
import ua.hromada.portal.api.PortalSettings;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.ui.support.UiSupport;

/**
 * {@code tsnap/kartky}: the service cards by name or code, a page at a time, with their term, fee
 * and version; the whole set downloads as CSV or XLSX, and the head imports a file (checked first)
 * and makes new cards.
 */
public class CardsView extends VerticalLayout {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(CardsView.class);

    final TextField search = new TextField();
    final Checkbox activeOnly = new Checkbox();
    final Grid<ServiceCard> grid = new Grid<>();
    final Button create = new Button();
    final Button importFile = new Button();

    public CardsView(ServiceCards cards, CardTransfer transfer, PortalSettings settings, PortalUser user) {
        setId("cards-view");
        setSizeFull();
        add(new H2(getTranslation("crm.card.ui.title")));
        boolean editor = CardsUi.editor(user);

        search.setId("cards-search");
        search.setLabel(getTranslation("crm.card.ui.search"));
        search.setPlaceholder(getTranslation("crm.card.ui.search.placeholder"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidth("min(420px, 100%)");
        activeOnly.setId("cards-active-only");
        activeOnly.setLabel(getTranslation("crm.card.ui.activeOnly"));

        create.setText(getTranslation("crm.card.ui.new"));
        create.setId("card-new");
        create.setIcon(VaadinIcon.PLUS.create());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setVisible(editor);
        create.addClickListener(e -> create.getUI().ifPresent(ui -> ui.navigate(CardsUi.PREFIX + CardsUi.NEW)));
        importFile.setText(getTranslation("crm.card.ui.import"));
        importFile.setId("cards-import");
        importFile.setIcon(VaadinIcon.UPLOAD.create());
        importFile.setVisible(editor);
        importFile.addClickListener(e -> new CardImportDialog(transfer, user, () -> grid.getDataProvider().refreshAll())
                .open());
        HorizontalLayout bar = new HorizontalLayout(search, activeOnly, create, importFile,
                export(transfer, user, settings, CardFileFormat.CSV), export(transfer, user, settings, CardFileFormat.XLSX));
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.setWrap(true);
        bar.setWidthFull();

        grid.setId("cards-grid");
        grid.addColumn(ServiceCard::localCode).setHeader(getTranslation("crm.card.ui.col.code")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(ServiceCard::name).setHeader(getTranslation("crm.card.ui.col.name")).setFlexGrow(3);
        grid.addColumn(ServiceCard::provider).setHeader(getTranslation("crm.card.ui.col.provider")).setFlexGrow(2);
        grid.addColumn(c -> getTranslation("crm.card.ui.days", c.termDays()))
                .setHeader(getTranslation("crm.card.ui.col.term")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(c -> CardForm.fee(this, c)).setHeader(getTranslation("crm.card.ui.col.fee")).setFlexGrow(1);
        grid.addColumn(c -> c.active() ? String.valueOf(c.cardVersion())
                : c.cardVersion() + " · " + getTranslation("crm.card.ui.inactive"))
                .setHeader(getTranslation("crm.card.ui.col.version")).setAutoWidth(true).setFlexGrow(0);
        grid.setEmptyStateText(getTranslation("crm.card.ui.empty"));
        grid.setPageSize(50);
        grid.setSizeFull();
        grid.setItems(q -> cards.find(user, search.getValue(), activeOnly.getValue(), q.getOffset(), q.getLimit()).stream(),
                q -> cards.count(user, search.getValue(), activeOnly.getValue()));
        grid.addItemClickListener(e -> grid.getUI().ifPresent(ui -> ui.navigate(CardsUi.PREFIX + e.getItem().id())));
        search.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        activeOnly.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        add(bar, grid);
    }

    private Anchor export(CardTransfer transfer, PortalUser user, PortalSettings settings, CardFileFormat format) {
        DownloadHandler handler = UiSupport.download(() -> "kartky-" + settings.today() + "." + format.extension(),
                format.mediaType(), LOG, "Export of the service cards failed", out -> out.write(transfer.export(user, format)));
        Anchor a = new Anchor(handler, AttachmentType.DOWNLOAD, "");
        a.add(VaadinIcon.DOWNLOAD.create());
        a.add(getTranslation("crm.card.ui.export." + format.name()));
        a.setId("cards-export-" + format.name().toLowerCase(Locale.ROOT));
        return a;
    }
}
