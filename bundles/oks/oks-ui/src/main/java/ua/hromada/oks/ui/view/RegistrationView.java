package ua.hromada.oks.ui.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;

import ua.hromada.oks.api.OksCatalog;
import ua.hromada.oks.api.OksLimits;
import ua.hromada.oks.api.NewViolation;
import ua.hromada.oks.api.OksException;
import ua.hromada.oks.api.OksPermissions;
import ua.hromada.oks.api.PhotoUpload;
import ua.hromada.oks.api.Urgency;
import ua.hromada.oks.api.Violation;
import ua.hromada.oks.api.Violations;
import ua.hromada.oks.api.ViolationType;
import ua.hromada.oks.api.Violator;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.map.GeoPoint;
import ua.hromada.portal.api.map.MapSettings;
import ua.hromada.portal.ui.map.PortalMap;
import ua.hromada.portal.ui.support.UiSupport;
import ua.hromada.portal.ui.upload.LimitedUpload;
import ua.hromada.portal.ui.upload.UploadedFile;

/**
 * Registration of a violation ({@code oks/new}): the point is chosen by a click on the map or
 * typed as coordinates, the two kept in step; the address text is kept exactly as typed. The
 * service checks everything (type, point inside the community, photos by content and size) and
 * its reason is shown next to the field it concerns.
 */
public class RegistrationView extends VerticalLayout {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(RegistrationView.class);

    private final transient Violations violations;
    private final transient PortalUser user;

    private final ComboBox<ViolationType> type = new ComboBox<>();
    private final TextArea description = new TextArea();
    private final TextField address = new TextField();
    private final NumberField latitude = new NumberField();
    private final NumberField longitude = new NumberField();
    private final PortalMap map;
    private final RadioButtonGroup<Urgency> urgency = new RadioButtonGroup<>();
    private final DatePicker deadline = new DatePicker();
    private final Checkbox violatorKnown = new Checkbox();
    private final RadioButtonGroup<Violator.Kind> violatorKind = new RadioButtonGroup<>();
    private final TextField violatorName = new TextField();
    private final TextArea violatorDetails = new TextArea();
    private final List<UploadedFile> photos = new ArrayList<>();
    private final Paragraph photoError = new Paragraph();
    private final Paragraph formError = new Paragraph();
    private final Paragraph locateMessage = new Paragraph();
    private Upload upload;
    private LimitedUpload uploads;
    /** The file whose refusal {@link #photoError} shows: removing it from the list clears the message. */
    private String refusedPhoto;

    public RegistrationView(Violations violations, OksCatalog catalog, MapSettings mapSettings, PortalUser user) {
        this.violations = violations;
        this.user = user;
        setId("oks-new");
        setMaxWidth("75rem");
        add(new H2(getTranslation("oks.ui.new.title")));
        map = new PortalMap(mapSettings);
        if (user == null || !user.hasPermission(OksPermissions.INSPECT)) {
            add(OksUi.noAccess(this));
            return;
        }

        type.setId("oks-new-type");
        type.setLabel(getTranslation("oks.ui.new.type"));
        type.setItems(catalog.types(false));
        type.setItemLabelGenerator(ViolationType::name);
        type.setRequiredIndicatorVisible(true);
        description.setId("oks-new-description");
        description.setLabel(getTranslation("oks.ui.new.description"));
        description.setMaxLength(OksLimits.DESCRIPTION);
        description.setMinHeight("6rem");
        address.setId("oks-new-address");
        address.setLabel(getTranslation("oks.ui.new.address"));
        address.setHelperText(getTranslation("oks.ui.new.addressHelp"));
        address.setMaxLength(OksLimits.ADDRESS);
        urgency.setId("oks-new-urgency");
        urgency.setLabel(getTranslation("oks.ui.new.urgency"));
        urgency.setItems(Urgency.values());
        urgency.setItemLabelGenerator(u -> getTranslation(u.messageKey()));
        urgency.setValue(Urgency.NORMAL);
        deadline.setId("oks-new-deadline");
        deadline.setLabel(getTranslation("oks.ui.new.deadline"));
        deadline.setHelperText(getTranslation("oks.ui.new.deadlineHelp"));
        deadline.setMin(violations.earliestDeadline());
        UiSupport.localise(deadline);

        FormLayout form = new FormLayout(type, urgency, description, address, deadline);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("36em", 2));
        form.setColspan(description, 2);
        form.setColspan(address, 2);

        add(form, new H3(getTranslation("oks.ui.new.location")), location());
        add(new H3(getTranslation("oks.ui.new.violator")), violator());
        add(new H3(getTranslation("oks.ui.new.photos")), photoUpload());

        formError.setId("oks-new-error");
        errorStyle(formError);
        Button save = new Button(getTranslation("oks.ui.new.save"), e -> save());
        save.setId("oks-new-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("oks.ui.action.cancel"),
                e -> getUI().ifPresent(ui -> ui.navigate(OksUi.LIST_ROUTE)));
        add(formError, new HorizontalLayout(save, cancel));
    }

    private VerticalLayout location() {
        latitude.setId("oks-new-lat");
        latitude.setLabel(getTranslation("oks.ui.new.latitude"));
        latitude.setStep(0.000001);
        latitude.setMin(-90);
        latitude.setMax(90);
        longitude.setId("oks-new-lon");
        longitude.setLabel(getTranslation("oks.ui.new.longitude"));
        longitude.setStep(0.000001);
        longitude.setMin(-180);
        longitude.setMax(180);
        latitude.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                coordinatesTyped();
            }
        });
        longitude.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                coordinatesTyped();
            }
        });
        map.setId("oks-new-map");
        map.setWidthFull();
        map.setHeight("360px");
        map.addMapClickListener(e -> pointChosen(e.point()));
        Paragraph hint = new Paragraph(getTranslation("oks.ui.new.mapHint"));
        hint.getStyle().set("color", "var(--lumo-secondary-text-color)").set("margin", "0");
        Button locate = new Button(getTranslation("oks.ui.new.locate"), VaadinIcon.CROSSHAIRS.create(), e -> locate());
        locate.setId("oks-new-locate");
        HorizontalLayout coordinates = new HorizontalLayout(latitude, longitude, locate);
        coordinates.setAlignItems(FlexComponent.Alignment.BASELINE);
        coordinates.setWrap(true);
        locateMessage.setId("oks-new-locate-message");
        locateMessage.getStyle().set("margin", "0");
        locateMessage.setVisible(false);
        Div mapBox = new Div(map);
        // Leaflet's z-indexes stay inside the box, under the portal's overlays (combo box lists, dialogs)
        mapBox.setWidthFull();
        mapBox.getStyle().set("isolation", "isolate");
        VerticalLayout box = new VerticalLayout(hint, mapBox, coordinates, locateMessage);
        box.setPadding(false);
        return box;
    }

    /** A click on the map: the fields follow the marker. */
    private void pointChosen(GeoPoint point) {
        map.setSelectedPoint(point);
        latitude.setValue(round(point.lat()));
        longitude.setValue(round(point.lon()));
        latitude.setInvalid(false);
        longitude.setInvalid(false);
    }

    /**
     * "My location": the browser's geolocation (the person is asked once) sets the point as a map
     * click would. The answer is one short string, so the round trip carries no structured value.
     */
    private void locate() {
        locateMessage.setVisible(false);
        getElement().executeJs("""
                if (!window.isSecureContext) return 'insecure';
                if (!navigator.geolocation) return 'unavailable';
                return new Promise(resolve => navigator.geolocation.getCurrentPosition(
                    p => resolve('ok ' + p.coords.latitude + ' ' + p.coords.longitude + ' ' + Math.round(p.coords.accuracy || 0)),
                    e => resolve(e.code === 1 ? 'denied' : e.code === 3 ? 'timeout' : 'unavailable'),
                    { enableHighAccuracy: true, timeout: 20000, maximumAge: 60000 }));
                """).then(String.class, this::located, failure -> located("unavailable"));
    }

    private void located(String answer) {
        String[] parts = answer == null ? new String[] {"unavailable"} : answer.split(" ");
        if (parts.length == 4 && "ok".equals(parts[0])) {
            try {
                GeoPoint point = new GeoPoint(Double.parseDouble(parts[1]), Double.parseDouble(parts[2]));
                pointChosen(point);
                map.setView(point, 17);
                showLocate(getTranslation("oks.ui.new.located", parts[3]), false);
                return;
            } catch (IllegalArgumentException e) {
                LOG.debug("Unreadable geolocation answer {}", answer);
            }
        }
        String reason = switch (parts[0]) {
            case "denied", "timeout", "insecure" -> parts[0];
            default -> "unavailable";
        };
        showLocate(getTranslation("oks.ui.new.locate." + reason), true);
    }

    private void showLocate(String text, boolean failure) {
        locateMessage.setText(text);
        locateMessage.getElement().setAttribute("data-outcome", failure ? "failed" : "located");
        locateMessage.getStyle().set("color", failure ? "var(--lumo-error-text-color)" : "var(--lumo-secondary-text-color)");
        locateMessage.setVisible(true);
    }

    /** Typed coordinates: the marker follows the fields once both make a valid point. */
    private void coordinatesTyped() {
        Double lat = latitude.getValue();
        Double lon = longitude.getValue();
        if (lat == null || lon == null || lat < -90 || lat > 90 || lon < -180 || lon > 180) {
            map.setSelectedPoint(null);
            return;
        }
        GeoPoint point = new GeoPoint(lat, lon);
        map.setSelectedPoint(point);
        map.setView(point, Math.max(map.getZoom(), 15));
    }

    private static double round(double degrees) {
        return Math.round(degrees * 1_000_000d) / 1_000_000d;
    }

    private VerticalLayout violator() {
        violatorKnown.setId("oks-new-violator-known");
        violatorKnown.setLabel(getTranslation("oks.ui.new.violatorKnown"));
        violatorKind.setId("oks-new-violator-kind");
        violatorKind.setItems(Violator.Kind.values());
        violatorKind.setItemLabelGenerator(k -> getTranslation("oks.ui.violator." + k.name()));
        // no default: a default "person" printed companies as «фізична особа: ТОВ …»
        violatorKind.setLabel(getTranslation("oks.ui.new.violatorKind"));
        violatorKind.setRequiredIndicatorVisible(true);
        violatorName.setId("oks-new-violator-name");
        violatorName.setLabel(getTranslation("oks.ui.new.violatorName"));
        violatorName.setWidth("28rem");
        violatorName.setMaxLength(OksLimits.VIOLATOR_NAME);
        violatorDetails.setId("oks-new-violator-details");
        violatorDetails.setLabel(getTranslation("oks.ui.new.violatorDetails"));
        violatorDetails.setHelperText(getTranslation("oks.ui.new.violatorDetailsHelp"));
        violatorDetails.setWidth("28rem");
        violatorDetails.setMaxLength(1000);
        VerticalLayout fields = new VerticalLayout(violatorKind, violatorName, violatorDetails);
        fields.setPadding(false);
        fields.setVisible(false);
        violatorKnown.addValueChangeListener(e -> fields.setVisible(e.getValue()));
        VerticalLayout box = new VerticalLayout(violatorKnown, fields);
        box.setPadding(false);
        return box;
    }

    private VerticalLayout photoUpload() {
        upload = new Upload();
        // photos wait in temporary files, cut off on the server at the service's photo limit
        uploads = LimitedUpload.attach(this, upload, violations.photoMaxBytes(), OksLimits.PHOTOS, this::photoArrived,
                message -> showPhotoError(null, message));
        upload.setId("oks-new-photos");
        OksUi.photoUpload(this, upload);
        upload.addFileRemovedListener(e -> {
            photos.removeIf(p -> {
                boolean named = p.fileName().equals(e.getFileName());
                if (named) {
                    uploads.release(p);
                }
                return named;
            });
            if (e.getFileName().equals(refusedPhoto)) {
                refusedPhoto = null;
                photoError.setVisible(false);
            }
        });
        upload.addFileRejectedListener(e -> showPhotoError(null, getTranslation("oks.ui.upload.rejected", e.getErrorMessage())));
        photoError.setId("oks-new-photo-error");
        errorStyle(photoError);
        Paragraph hint = new Paragraph(getTranslation("oks.ui.new.photosHint"));
        hint.getStyle().set("color", "var(--lumo-secondary-text-color)").set("margin", "0");
        VerticalLayout box = new VerticalLayout(hint, upload, photoError);
        box.setPadding(false);
        return box;
    }

    /**
     * A received file is checked at once by the service's photo rule (type by content, size,
     * megapixels), so the list never shows a ✓ for a file the save would refuse.
     */
    private void photoArrived(UploadedFile file) {
        try {
            violations.checkPhoto(new PhotoUpload(file.fileName(), file.bytes()));
        } catch (OksException e) {
            uploads.release(file);
            showPhotoError(file.fileName(), OksUi.reason(this, e));
            OksUi.markRefused(upload, file.fileName());
            return;
        }
        photos.add(file);
        if (refusedPhoto == null) {
            photoError.setVisible(false);
        }
    }

    /** The one place a photo's refusal is shown; {@code fileName} ties it to a row of the list. */
    private void showPhotoError(String fileName, String text) {
        refusedPhoto = fileName;
        photoError.setText(text);
        photoError.setVisible(true);
    }

    private static void errorStyle(Paragraph p) {
        p.getStyle().set("color", "var(--lumo-error-text-color)");
        p.setVisible(false);
    }

    private void clearErrors() {
        for (HasValidation f : List.<HasValidation>of(type, description, address, latitude, longitude, deadline, violatorName,
                violatorKind)) {
            f.setInvalid(false);
        }
        formError.setVisible(false);
        if (refusedPhoto == null) {
            photoError.setVisible(false);
        }
    }

    private void save() {
        clearErrors();
        if (refusedPhoto != null) {
            // the refused file is still listed: saving without it would look as if it were attached
            return;
        }
        if (type.getValue() == null) {
            invalid(type, getTranslation("oks.ui.new.typeRequired"));
            return;
        }
        if (latitude.getValue() == null || longitude.getValue() == null || latitude.isInvalid() || longitude.isInvalid()) {
            invalid(latitude, getTranslation("oks.ui.new.locationRequired"));
            longitude.setInvalid(true);
            return;
        }
        Violator violator = null;
        if (violatorKnown.getValue()) {
            if (violatorName.getValue().isBlank()) {
                invalid(violatorName, getTranslation("oks.ui.new.violatorNameRequired"));
                return;
            }
            violator = new Violator(violatorKind.getValue(), violatorName.getValue().trim(),
                    violatorDetails.getValue().isBlank() ? null : violatorDetails.getValue().trim());
        }
        // the address is passed exactly as typed: it is the inspector's record of the place
        NewViolation draft = new NewViolation(type.getValue().id(), blankToNull(description.getValue()),
                address.getValue().isBlank() ? null : address.getValue(), latitude.getValue(), longitude.getValue(),
                urgency.getValue(), deadline.getValue(), violator, OksUi.photoUploads(photos));
        try {
            Violation saved = violations.register(user, draft);
            OksUi.success(getTranslation("oks.ui.new.saved", Long.toString(saved.id())));
            getUI().ifPresent(ui -> ui.navigate(OksUi.CARD_ROUTE + saved.id()));
        } catch (OksException e) {
            refused(e);
        } catch (RuntimeException e) {
            formError.setText(getTranslation("oks.ui.failed", UiSupport.logFailure(LOG, "Registration failed", e)));
            formError.setVisible(true);
        }
    }

    /** Shows the service's reason beside the field its message key names, and above the buttons. */
    private void refused(OksException e) {
        String text = OksUi.reason(this, e);
        String key = e.messageKey().toLowerCase(Locale.ROOT);
        // each reason is shown once: beside the field it concerns, or above the buttons if none
        if (key.contains("photo")) {
            String name = e.args().length > 0 ? String.valueOf(e.args()[0]) : null;
            showPhotoError(photos.stream().anyMatch(p -> p.fileName().equals(name)) ? name : null, text);
        } else if (key.contains("type")) {
            invalid(type, text);
        } else if (key.contains("location") || key.contains("coordinat") || key.contains("bounds") || key.contains("point")) {
            invalid(latitude, text);
            longitude.setInvalid(true);
        } else if (key.contains("deadline")) {
            invalid(deadline, text);
        } else if (key.contains("violatorkind")) {
            invalid(violatorKind, text);
        } else if (key.contains("violator")) {
            invalid(violatorName, text);
        } else if (key.contains("description") || key.contains("address")) {
            invalid(description, text);
        } else {
            formError.setText(text);
            formError.setVisible(true);
        }
    }

    private static <T extends HasValidation> void invalid(T field, String text) {
        field.setErrorMessage(text);
        field.setInvalid(true);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
