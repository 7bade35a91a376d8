package ua.hromada.opendata.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.opendata.api.AuditReports;
import ua.hromada.opendata.api.AuditRuleExplanations;
import ua.hromada.opendata.api.AuditRun;
import ua.hromada.opendata.api.DataManager;
import ua.hromada.opendata.api.Finding;
import ua.hromada.opendata.api.OfficialRequest;
import ua.hromada.opendata.api.OpendataException;
import ua.hromada.opendata.api.OpendataPermissions;
import ua.hromada.opendata.api.DatasetRegistry;
import ua.hromada.opendata.api.DataRequests;
import ua.hromada.opendata.audit.report.DocxReport;
import ua.hromada.opendata.audit.report.PdfReport;
import ua.hromada.opendata.audit.report.ReportData;
import ua.hromada.opendata.audit.report.XlsxReport;
import ua.hromada.opendata.audit.rules.Rules;
import ua.hromada.opendata.audit.rules.Texts;
import ua.hromada.portal.api.PortalSettings;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.calendar.DisplayFormats;

/**
 * The analytical report for a date from the last run finished by then: PDF with charts, the same as
 * an editable DOCX, or an XLSX workbook of the same tables (plus every finding).
 */
@Component(service = AuditReports.class, configurationPid = AuditConfig.PID)
public class AuditReportsImpl implements AuditReports {
    private final AuditStore store;
    private final DataRequests requests;
    private final DatasetRegistry registry;
    private final AuditSettings settings;
    private final AuditRuleExplanations explanations;
    private final Texts texts = Texts.ukrainian();

    @Activate
    public AuditReportsImpl(@Reference AuditDatabase db, @Reference DataRequests requests,
            @Reference DatasetRegistry registry, @Reference PortalSettings portal,
            @Reference AuditRuleExplanations explanations, AuditConfig config) {
        this(db, requests, registry, AuditSettings.of(config, portal.timeZone()), explanations);
    }

    public AuditReportsImpl(AuditDatabase db, DataRequests requests, DatasetRegistry registry, AuditSettings settings,
            AuditRuleExplanations explanations) {
        this.explanations = explanations;
        this.store = new AuditStore(db);
        this.requests = requests;
        this.registry = registry;
        this.settings = settings;
    }

    @Override
    public void write(PortalUser actor, LocalDate asOf, Format format, OutputStream out) {
        if (!OpendataPermissions.canAudit(actor)) {
            throw new OpendataException(OpendataException.Reason.FORBIDDEN, "opendata.audit.error.forbidden");
        }
        if (asOf == null || format == null) {
            throw new OpendataException(OpendataException.Reason.INVALID, "opendata.audit.error.date");
        }
        ReportData data = data(actor, asOf, format == Format.XLSX);
        try {
            switch (format) {
                case PDF -> new PdfReport(texts).write(data, out);
                case DOCX -> new DocxReport(texts).write(data, out);
                case XLSX -> new XlsxReport(texts).write(data, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the audit report could not be written", e);
        }
    }

    ReportData data(PortalUser actor, LocalDate asOf, boolean withFindings) {
        AuditRun run = store.finishedBy(asOf, settings.zone()).orElseThrow(() -> new OpendataException(
                OpendataException.Reason.NOT_FOUND, "opendata.audit.error.noRun",
                DisplayFormats.DATE.format(asOf)));
        var matrix = store.compliance(run, settings.zone());
        Map<Long, String> edrpou = new HashMap<>();
        for (DataManager m : matrix.managers()) {
            edrpou.put(m.id(), m.edrpou());
        }
        List<OfficialRequest> sent = requests.requests(actor, null).stream().filter(r -> !r.sentOn().isAfter(asOf)).toList();
        List<Finding> findings = withFindings ? store.findings(run.id(), null, null) : List.of();
        // a finding names its resource by the file (or the link) people know it by; a removed one by its number
        Map<Long, String> resourceNames = new HashMap<>();
        for (Finding f : findings) {
            if (f.resourceId() != null) {
                resourceNames.computeIfAbsent(f.resourceId(), id -> registry.resource(id)
                        .map(r -> r.fileName() != null ? r.fileName() : r.url())
                        .orElse(texts.get("opendata.audit.report.resourceRemoved", String.valueOf(id))));
            }
        }
        return new ReportData(asOf, run, settings.zone(), settings, store.managerScores(run.id()),
                store.datasetsPerManager(run.id()), edrpou, store.datasetScores(run.id()), matrix,
                Rules.all().stream().map(r -> r.describe(texts)).toList(), store.findingsByRule(run.id()), findings, sent,
                resourceNames, explanations.explanations().stream().collect(java.util.stream.Collectors.toMap(
                        AuditRuleExplanations.Explanation::ruleId, AuditRuleExplanations.Explanation::text)),
                store.notice(run.id()).orElse(null));
    }
}
