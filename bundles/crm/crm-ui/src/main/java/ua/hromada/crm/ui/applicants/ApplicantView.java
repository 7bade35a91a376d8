package ua.hromada.crm.ui.applicants;

import java.util.List;
import java.util.Optional;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;

import ua.hromada.crm.api.Applicant;
import ua.hromada.crm.api.Applicants;
import ua.hromada.crm.api.CrmException;
import ua.hromada.crm.api.CrmPermissions;
import ua.hromada.portal.api.PortalException.Reason;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.calendar.DisplayFormats;
import ua.hromada.portal.api.jdbc.EditConflictException;
import ua.hromada.portal.ui.support.UiSupport;

/**
 * {@code tsnap/zaiavnyky/:id}: one applicant's form ({@code nova}: a new one). Before saving, the
 * registered applicants that are probably the same person or organisation are shown, and saving
 * anyway is a deliberate second click; a saved applicant stays on the page with its number.
 */
public class ApplicantView extends VerticalLayout implements BeforeEnterObserver {
    private static final long serialVersionUID = 1L;

    private final transient Applicants applicants;
    private final transient PortalUser user;
    final H2 title = new H2();
    final Span number = new Span();
    final Paragraph notice = new Paragraph();
    final ApplicantForm form = new ApplicantForm();
    final Button save = new Button();
    Dialog duplicates;

    public ApplicantView(Applicants applicants, PortalUser user) {
        this.applicants = applicants;
        this.user = user;
        setId("applicant-view");
        number.setId("applicant-id");
        notice.setId("applicant-notice");
        notice.getElement().setAttribute("aria-live", "polite");
        save.setText(getTranslation("crm.applicant.ui.save"));
        save.setId("applicant-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save(false));
        boolean editor = user != null && user.hasPermission(CrmPermissions.ADMINISTRATOR);
        save.setVisible(editor);
        form.setReadOnly(!editor);
        Anchor back = new Anchor(ApplicantsUi.LIST_ROUTE, getTranslation("crm.applicant.ui.back"));
        back.setId("applicant-back");
        add(back, new HorizontalLayout(title, number), notice, form, save);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get("id").orElse("");
        if (ApplicantsUi.NEW.equals(id)) {
            title.setText(getTranslation("crm.applicant.ui.new"));
            number.setText("");
            return;
        }
        Optional<Applicant> found = Optional.empty();
        try {
            found = applicants.get(user, Long.parseLong(id));
        } catch (NumberFormatException e) {
            // an address typed by hand: no such applicant
        }
        found.ifPresentOrElse(this::show, () -> {
            title.setText(getTranslation("crm.applicant.ui.notFound"));
            form.setVisible(false);
            save.setVisible(false);
        });
    }

    private void show(Applicant a) {
        title.setText(a.displayName());
        number.setText(getTranslation("crm.applicant.ui.number", a.id()));
        number.getElement().setAttribute("data-id", String.valueOf(a.id()));
        form.show(a);
    }

    /** Saves what was typed; a probable duplicate is shown first unless {@code confirmed}. */
    void save(boolean confirmed) {
        Applicant typed = form.value();
        form.clearErrors();
        notice.setText("");
        try {
            if (!confirmed) {
                List<Applicant> twins = applicants.duplicates(user, typed);
                if (!twins.isEmpty()) {
                    askAboutDuplicates(twins);
                    return;
                }
            }
            Applicant saved = applicants.save(user, typed, confirmed);
            show(saved);
            // the address names the saved applicant, without entering the page again
            getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null, new Location(ApplicantsUi.PREFIX + saved.id())));
            UiSupport.success(getTranslation("crm.applicant.ui.saved", saved.id()));
        } catch (CrmException e) {
            if (e.reason() == Reason.INVALID && !e.fieldErrors().isEmpty()) {
                form.showErrors(e);
                notice.setText(getTranslation(e.messageKey(), e.args()));
            } else {
                notice.setText(getTranslation(e.messageKey(), e.args()));
            }
        } catch (EditConflictException e) {
            notice.setText(getTranslation("crm.error.conflict"));
        }
    }

    private void askAboutDuplicates(List<Applicant> twins) {
        duplicates = new Dialog();
        duplicates.setId("applicant-duplicates");
        duplicates.setHeaderTitle(getTranslation("crm.applicant.ui.duplicates.title"));
        VerticalLayout list = new VerticalLayout();
        list.setPadding(false);
        list.add(new Paragraph(getTranslation("crm.applicant.ui.duplicates.text")));
        for (Applicant t : twins) {
            String facts = t.displayName() + (t.birthDate() == null ? "" : ", " + DisplayFormats.DATE.format(t.birthDate()))
                    + (t.taxNumber().isEmpty() ? "" : ", РНОКПП " + t.taxNumber())
                    + (t.edrpou().isEmpty() ? "" : ", ЄДРПОУ " + t.edrpou())
                    + (t.documentNumber().isEmpty() ? "" : ", " + t.documentNumber());
            Anchor a = new Anchor(ApplicantsUi.PREFIX + t.id(), getTranslation("crm.applicant.ui.number", t.id()) + ": "
                    + facts);
            a.setId("applicant-duplicate-" + t.id());
            list.add(a);
        }
        duplicates.add(list);
        Button cancel = new Button(getTranslation("crm.applicant.ui.duplicates.cancel"), e -> duplicates.close());
        cancel.setId("applicant-duplicates-cancel");
        Button anyway = new Button(getTranslation("crm.applicant.ui.duplicates.save"), e -> {
            duplicates.close();
            save(true);
        });
        anyway.setId("applicant-save-anyway");
        anyway.addThemeVariants(ButtonVariant.LUMO_ERROR);
        duplicates.getFooter().add(cancel, anyway);
        duplicates.open();
    }
}
