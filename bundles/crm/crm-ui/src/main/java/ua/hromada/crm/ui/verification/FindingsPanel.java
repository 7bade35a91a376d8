package ua.hromada.crm.ui.verification;

import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.server.streams.DownloadHandler;

import ua.hromada.crm.api.Cases;
import ua.hromada.crm.api.CrmException;
import ua.hromada.crm.api.Finding;
import ua.hromada.crm.api.FindingSeverity;
import ua.hromada.crm.api.TextRegion;
import ua.hromada.crm.api.Verification;
import ua.hromada.portal.api.PortalException;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.calendar.DisplayFormats;
import ua.hromada.portal.ui.support.UiSupport;

/**
 * The verification of a case on its card: «Перевірити» runs every check ({@code case-verify}); each
 * finding ({@code finding-<rule>}, the first of a rule) shows its severity, why it fired, what the
 * scan said and where (a crop of an image scan with the words outlined, or the region in words for a
 * PDF), and — until overridden — a button ({@code override-<rule>} on the rule's first one not
 * overridden) opening {@link OverrideDialog}.
 * Overridden findings stay listed with their reason.
 */
public class FindingsPanel extends Div {
    private static final Logger LOG = LoggerFactory.getLogger(FindingsPanel.class);

    private final Verification verification;
    private final Cases cases;
    private final PortalUser user;
    private final long caseId;
    private final Runnable onChange;
    private final ZoneId zone;
    private final Div list = new Div();
    private final Button verify;

    /**
     * @param cases gives the scans' bytes for the crops; null for none (a scan's region in words)
     * @param zone the community's time zone ({@code PortalSettings.timeZone()})
     */
    public FindingsPanel(Verification verification, Cases cases, PortalUser user, long caseId, Runnable onChange,
            ZoneId zone) {
        this.verification = verification;
        this.cases = cases;
        this.user = user;
        this.caseId = caseId;
        this.onChange = onChange == null ? () -> { } : onChange;
        this.zone = zone;
        setId("findings-panel");
        addClassName("crm-findings");
        verify = new Button(getTranslation("crm.check.ui.verify"), VaadinIcon.CHECK_SQUARE_O.create(), e -> verify());
        verify.setId("case-verify");
        verify.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        H3 title = new H3(getTranslation("crm.check.ui.title"));
        HorizontalLayout head = new HorizontalLayout(title, verify);
        head.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.BASELINE);
        list.setId("findings-list");
        add(head, list);
        refresh();
    }

    /** Shows the findings of the last run again. */
    public void refresh() {
        try {
            show(verification.findings(user, caseId), false);
        } catch (PortalException e) {
            showRefusal(e);
        }
    }

    private void verify() {
        List<Finding> found;
        try {
            found = verification.verify(user, caseId);
        } catch (PortalException e) {
            UiSupport.error(getTranslation(e.messageKey(), e.args()));
            return;
        }
        long errors = found.stream().filter(f -> f.severity() == FindingSeverity.ERROR && !f.overridden()).count();
        UiSupport.success(getTranslation("crm.check.ui.verified", errors, found.size() - errors));
        onChange.run();
        show(found, true);
    }

    /** A user who may not verify (the back office) reads why, without the button. */
    private void showRefusal(PortalException e) {
        verify.setVisible(false);
        list.removeAll();
        list.add(new Paragraph(getTranslation(e.messageKey(), e.args())));
    }

    private void show(List<Finding> findings, boolean justRun) {
        list.removeAll();
        if (findings.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation(justRun ? "crm.check.ui.clean" : "crm.check.ui.notRun"));
            none.setId("findings-none");
            list.add(none);
            return;
        }
        Set<String> seen = new HashSet<>();
        Set<String> overridable = new HashSet<>();
        for (Finding f : findings) {
            list.add(finding(f, seen.add(f.rule()), !f.overridden() && overridable.add(f.rule())));
        }
    }

    /**
     * @param first        the rule's first finding: the row gets {@code finding-<rule>}
     * @param firstOpen    the rule's first finding not overridden: its button gets {@code override-<rule>}
     */
    private Div finding(Finding f, boolean first, boolean firstOpen) {
        Div row = new Div();
        row.addClassName("crm-finding");
        if (first) {
            row.setId("finding-" + f.rule());
        }
        row.getElement().setAttribute("data-rule", f.rule());
        Span badge = new Span(getTranslation("crm.check.ui.severity." + f.severity().name()));
        badge.getElement().getThemeList().add(f.severity() == FindingSeverity.ERROR && !f.overridden()
                ? "badge error" : "badge contrast");
        Span rule = new Span(getTranslation("crm.check.rule." + f.rule()));
        rule.getStyle().set("font-weight", "600").set("margin-inline-start", "0.5em");
        row.add(new Div(badge, rule));
        Paragraph message = new Paragraph(f.message());
        message.addClassName("crm-finding-message");
        row.add(message);
        if (f.subject() != null && !f.subject().isBlank()) {
            Span subject = new Span(getTranslation("crm.check.ui.subject", f.subject()));
            subject.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
            row.add(new Div(subject));
        }
        if (f.evidence() != null && !f.evidence().isBlank()) {
            Span read = new Span(f.evidence());
            read.getStyle().set("font-family", "var(--lumo-font-family-monospace, monospace)");
            Paragraph evidence = new Paragraph(new Span(getTranslation("crm.check.ui.evidence") + " "), read);
            evidence.addClassName("crm-finding-evidence");
            evidence.getStyle().set("font-size", "var(--lumo-font-size-s)");
            row.add(evidence);
        }
        if (f.scanId() != null && f.region() != null) {
            row.add(region(f.scanId(), f.region()));
        }
        if (f.overridden()) {
            Paragraph overridden = new Paragraph(new Span(getTranslation("crm.check.ui.overridden", f.overriddenBy(),
                    DisplayFormats.dateTime(f.overriddenAt(), zone)) + " "),
                    new Span(f.overrideReason()));
            overridden.addClassName("crm-finding-overridden");
            row.add(overridden);
        } else {
            Button override = new Button(getTranslation("crm.check.ui.override"), e -> new OverrideDialog(f, reason -> {
                verification.override(user, caseId, f.rule(), f.subject(), reason);
                UiSupport.success(getTranslation("crm.check.ui.overrideDone"));
                refresh();
                onChange.run();
            }).open());
            override.addThemeVariants(ButtonVariant.LUMO_SMALL);
            if (firstOpen) {
                override.setId("override-" + f.rule());
            }
            row.add(override);
        }
        row.getStyle().set("border-inline-start", f.severity() == FindingSeverity.ERROR
                ? "4px solid var(--lumo-error-color)" : "4px solid var(--lumo-contrast-30pct)")
                .set("padding", "0.25em 0.75em").set("margin-block", "0.5em");
        return row;
    }

    /** The region in words, and the crop of an image scan under it when the scan's bytes are at hand. */
    private Div region(long scanId, TextRegion r) {
        Div box = new Div();
        box.addClassName("crm-finding-region");
        Span words = new Span(getTranslation("crm.check.ui.region", r.page(), r.width(), r.height(), r.left(), r.top()));
        words.getStyle().set("font-size", "var(--lumo-font-size-s)");
        box.add(new Div(words));
        if (cases != null) {
            Optional<byte[]> crop = crop(scanId, r);
            crop.ifPresent(png -> {
                DownloadHandler handler = event -> {
                    event.setContentType("image/png");
                    event.setFileName("scan-" + scanId + "-region.png");
                    try (var out = event.getOutputStream()) {
                        out.write(png);
                    }
                };
                Image image = new Image(handler, getTranslation("crm.check.ui.scanAlt", "#" + scanId));
                image.addClassName("crm-finding-crop");
                image.getStyle().set("max-width", "100%").set("max-height", "12rem").set("border", "1px solid var(--lumo-contrast-20pct)");
                box.add(image);
            });
        }
        return box;
    }

    private Optional<byte[]> crop(long scanId, TextRegion r) {
        try {
            return ScanCrop.of(cases.scanContent(user, scanId), r);
        } catch (CrmException | java.io.UncheckedIOException e) {
            LOG.debug("no crop of scan {}", scanId, e);
            return Optional.empty();
        }
    }
}
