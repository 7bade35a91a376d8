package ua.hromada.eservices.ui.catalogue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import com.vaadin.flow.component.HasLabel;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import ua.hromada.eservices.api.Audience;
import ua.hromada.eservices.api.EService;
import ua.hromada.eservices.api.EservicesException;
import ua.hromada.eservices.api.LifeSituation;
import ua.hromada.eservices.api.ProviderKind;
import ua.hromada.eservices.api.ServiceCatalogue;
import ua.hromada.eservices.api.ServiceCategory;
import ua.hromada.eservices.api.ServiceStatus;
import ua.hromada.eservices.api.Unit;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.jdbc.EditConflictException;
import ua.hromada.portal.ui.support.EditConflicts;
import ua.hromada.portal.ui.support.UiSupport;

/**
 * The dialog that adds or edits one service: every field with a label, the service's refusals put
 * at their fields, an outdated form answered with the portal's edit-conflict dialog.
 */
class ServiceForm extends Dialog {
    private static final long serialVersionUID = 1L;

    private final transient ServiceCatalogue catalogue;
    private final transient PortalUser user;
    private final transient EService loaded;
    private final transient Consumer<EService> saved;
    final TextField code = new TextField();
    final TextField name = new TextField();
    final TextArea description = new TextArea();
    final TextField url = new TextField();
    final ComboBox<ServiceCategory> category = new ComboBox<>();
    final MultiSelectComboBox<LifeSituation> situations = new MultiSelectComboBox<>();
    final Select<Audience> audience = new Select<>();
    final Select<ProviderKind> provider = new Select<>();
    final ComboBox<Unit> unit = new ComboBox<>();
    final Select<ServiceStatus> status = new Select<>();
    private final Map<String, HasValidation> fields = new HashMap<>();

    ServiceForm(ServiceCatalogue catalogue, List<Unit> units, PortalUser user, EService service,
            Consumer<EService> saved) {
        this.catalogue = catalogue;
        this.user = user;
        this.loaded = service;
        this.saved = saved;
        setId("eservices-catalogue-form");
        setHeaderTitle(getTranslation(service.id() == 0 ? "eservices.ui.catalogue.form.new"
                : "eservices.ui.catalogue.form.edit"));
        setWidth("min(720px, 100vw)");

        field(code, "code", "eservices-service-code");
        code.setHelperText(getTranslation("eservices.ui.catalogue.field.code.help"));
        code.setMaxLength(40);
        field(name, "name", "eservices-service-name");
        name.setMaxLength(300);
        field(description, "description", "eservices-service-description");
        description.setMaxLength(1000);
        field(url, "url", "eservices-service-url");
        url.setPlaceholder("https://");
        field(category, "category", "eservices-service-category");
        category.setItems(catalogue.categories());
        category.setItemLabelGenerator(ServiceCategory::name);
        category.setClearButtonVisible(true);
        field(situations, "situations", "eservices-service-situations");
        List<LifeSituation> allSituations = catalogue.situations();
        situations.setItems(allSituations);
        situations.setItemLabelGenerator(LifeSituation::name);
        field(audience, "audience", "eservices-service-audience");
        audience.setItems(Audience.values());
        audience.setItemLabelGenerator(a -> CatalogueLabels.of(this, "audience", a));
        field(provider, "provider", "eservices-service-provider");
        provider.setItems(ProviderKind.values());
        provider.setItemLabelGenerator(p -> CatalogueLabels.of(this, "provider", p));
        field(unit, "unit", "eservices-service-unit");
        unit.setItems(units);
        unit.setItemLabelGenerator(Unit::name);
        unit.setClearButtonVisible(true);
        field(status, "status", "eservices-service-status");
        status.setItems(ServiceStatus.values());
        status.setItemLabelGenerator(s -> CatalogueLabels.of(this, "status", s));

        code.setValue(service.code() == null ? "" : service.code());
        name.setValue(service.name() == null ? "" : service.name());
        description.setValue(service.description() == null ? "" : service.description());
        url.setValue(service.url() == null ? "" : service.url());
        category.setValue(category.getListDataView().getItems().filter(c -> c.id() == nz(service.categoryId()))
                .findFirst().orElse(null));
        situations.setValue(Set.copyOf(allSituations.stream().filter(s -> service.situationIds().contains(s.id())).toList()));
        audience.setValue(service.audience());
        provider.setValue(service.provider());
        unit.setValue(units.stream().filter(u -> u.id() == nz(service.unitId())).findFirst().orElse(null));
        status.setValue(service.status());

        FormLayout form = new FormLayout(code, name, url, description, category, situations, audience, provider, unit,
                status);
        form.setColspan(description, 2);
        form.setColspan(url, 2);
        form.setColspan(name, 2);
        add(form);

        Button save = new Button(getTranslation("eservices.ui.catalogue.save"), e -> save());
        save.setId("eservices-catalogue-form-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("eservices.ui.catalogue.cancel"), e -> close());
        cancel.setId("eservices-catalogue-form-cancel");
        getFooter().add(cancel, save);
    }

    private static long nz(Long id) {
        return id == null ? -1 : id;
    }

    private <F extends com.vaadin.flow.component.Component & HasValidation & HasLabel> void field(F field, String name,
            String id) {
        field.setId(id);
        field.setLabel(getTranslation("eservices.ui.catalogue.field." + name));
        fields.put(name, field);
    }

    /** The service as the form holds it now. */
    EService value() {
        return new EService(loaded.id(), code.getValue(), name.getValue(), description.getValue(), url.getValue(),
                category.getValue() == null ? null : category.getValue().id(),
                situations.getValue().stream().map(LifeSituation::id).sorted().toList(), audience.getValue(),
                provider.getValue(), unit.getValue() == null ? null : unit.getValue().id(), status.getValue(),
                loaded.position(), loaded.version(), loaded.link());
    }

    void save() {
        fields.values().forEach(f -> f.setInvalid(false));
        try {
            EService result = catalogue.save(user, value());
            close();
            UiSupport.success(getTranslation("eservices.ui.catalogue.saved", result.name()));
            saved.accept(result);
        } catch (EservicesException e) {
            e.fieldErrors().forEach((field, key) -> {
                HasValidation f = fields.get(field);
                if (f != null) {
                    f.setErrorMessage(getTranslation(key));
                    f.setInvalid(true);
                }
            });
            if (e.fieldErrors().isEmpty()) {
                UiSupport.error(CatalogueLabels.refusal(this, e));
            }
        } catch (EditConflictException e) {
            // someone changed or removed the service meanwhile: nothing was saved; reload shows theirs
            EditConflicts.show(this, () -> {
                close();
                saved.accept(null);
            });
        }
    }
}
