package ua.hromada.eservices.ui.appeals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import ua.hromada.eservices.api.AppealIntake;
import ua.hromada.eservices.api.AppealTopic;
import ua.hromada.eservices.service.EservicesTestSetup;
import ua.hromada.portal.api.map.GeoPoint;
import ua.hromada.portal.api.map.MapSettings;
import ua.hromada.portal.testing.ShippedConfig;
import ua.hromada.portal.ui.map.internal.MapConfig;
import ua.hromada.portal.ui.map.internal.MapSettingsImpl;

/** A resident on the public form page: fills its fields as a person would and sends it. */
final class Resident {
    static final String ADDRESS = "198.51.100.7";
    static final String NAME = "Олена Петренко";
    static final String PHONE = "+380 50 123 45 67";

    private final EservicesTestSetup setup;
    private final MapSettings map;
    private final AppealIntake intake;

    Resident(EservicesTestSetup setup, MapSettings map) {
        this(setup, map, setup.intake());
    }

    /** A resident whose form goes to {@code intake} (e.g. one with other limits). */
    Resident(EservicesTestSetup setup, MapSettings map, AppealIntake intake) {
        this.setup = setup;
        this.map = map;
        this.intake = intake;
    }

    AppealFormView open() {
        return new AppealFormView(intake, setup.topics(), map, () -> ADDRESS);
    }

    /** A form filled in full: the topic by its code, the question answered, consent given. */
    AppealFormView filled(String topicCode, String text, String email, boolean publicAppeal) {
        AppealFormView view = open();
        Views.<ComboBox<AppealTopic>>find(view, "eservices-appeal-topic").setValue(setup.topics().active().stream()
                .filter(t -> t.code().equals(topicCode)).findFirst().orElseThrow());
        Views.<TextArea>find(view, "eservices-appeal-text").setValue(text);
        Views.<TextField>find(view, "eservices-appeal-name").setValue(NAME);
        Views.<EmailField>find(view, "eservices-appeal-email").setValue(email);
        Views.<TextField>find(view, "eservices-appeal-phone").setValue(PHONE);
        Views.<RadioButtonGroup<Boolean>>find(view, "eservices-appeal-publicity").setValue(publicAppeal);
        Views.<Checkbox>find(view, "eservices-appeal-consent").setValue(true);
        Views.<IntegerField>find(view, "eservices-appeal-challenge")
                .setValue(view.ticket().left() + view.ticket().right());
        return view;
    }

    /** Sends the form the time a person needs after opening it. */
    void send(AppealFormView view) {
        setup.clock().advance(Duration.ofSeconds(30));
        Views.<Button>find(view, "eservices-appeal-send").click();
    }

    /** Files an appeal through the page; answers its registration number. */
    String file(String topicCode, String text, String email, boolean publicAppeal) {
        AppealFormView view = filled(topicCode, text, email, publicAppeal);
        send(view);
        return Views.find(view, "eservices-appeal-receipt-number").getElement().getAttribute("data-number");
    }

    static GeoPoint poltava() {
        return new GeoPoint(49.589, 34.551);
    }

    /** The portal's base map as shipped (config/ua.hromada.portal.map.cfg), for the pages' maps. */
    static MapSettings shippedMap(EservicesTestSetup setup) {
        try {
            return new MapSettingsImpl(setup.communities(), ShippedConfig.as(MapConfig.class,
                    ShippedConfig.read(MapConfig.PID)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
