package ua.hromada.crm.service.analytics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import ua.hromada.crm.api.RuleFindings;
import ua.hromada.crm.api.ServiceTimes;
import ua.hromada.crm.api.SlaBreaches;
import ua.hromada.crm.api.TopicMonth;
import ua.hromada.portal.api.MessageBundle;

/** The analytics as one workbook: a sheet per table, headed in the reader's language. */
final class AnalyticsWorkbook {
    private static final MessageBundle TEXTS = MessageBundle.of("i18n.crm-analytics-service",
            AnalyticsWorkbook.class.getClassLoader());

    private AnalyticsWorkbook() {
    }

    static byte[] write(Locale locale, LocalDate from, LocalDate to, List<ServiceTimes> times,
            List<SlaBreaches> breaches, List<RuleFindings> findings, List<TopicMonth> byService,
            List<TopicMonth> byGroup) {
        List<XlsxTables.Table> tables = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>();
        for (ServiceTimes t : times) {
            rows.add(List.of(t.code(), t.service(), t.issued(), round(t.medianHours()), round(t.p90Hours())));
        }
        tables.add(table(locale, "times", rows, "code", "service", "issued", "median", "p90"));
        rows = new ArrayList<>();
        for (SlaBreaches b : breaches) {
            rows.add(List.of(b.code(), b.service(), b.cases(), b.issuedLate(), b.openOverdue()));
        }
        tables.add(table(locale, "sla", rows, "code", "service", "cases", "late", "overdue"));
        rows = new ArrayList<>();
        for (RuleFindings f : findings) {
            rows.add(List.of(f.rule(), rule(f.rule(), locale), f.fired(), f.cases(), f.overridden()));
        }
        tables.add(table(locale, "findings", rows, "rule", "ruleName", "fired", "casesFired", "overridden"));
        tables.add(topics(locale, "byService", byService, "service"));
        tables.add(topics(locale, "byGroup", byGroup, "group"));
        rows = new ArrayList<>();
        rows.add(List.of(text("crm.analytics.export.from", locale), from.toString()));
        rows.add(List.of(text("crm.analytics.export.to", locale), to.toString()));
        tables.add(table(locale, "about", rows, "parameter", "value"));
        return XlsxTables.write(tables);
    }

    /** The rule's name for people; the key itself for a rule this bundle does not name yet. */
    static String rule(String rule, Locale locale) {
        return TEXTS.message("crm.analytics.rule." + rule, locale).orElse(rule);
    }

    private static XlsxTables.Table topics(Locale locale, String sheet, List<TopicMonth> topics, String topicColumn) {
        List<List<Object>> rows = new ArrayList<>();
        for (TopicMonth t : topics) {
            rows.add(List.of(t.month().toString(), t.topic().isEmpty() ? text("crm.analytics.export.noGroup", locale)
                    : t.topic(), t.cases()));
        }
        return table(locale, sheet, rows, "month", topicColumn, "cases");
    }

    private static XlsxTables.Table table(Locale locale, String sheet, List<List<Object>> rows, String... columns) {
        List<String> headers = new ArrayList<>();
        for (String column : columns) {
            headers.add(text("crm.analytics.export.column." + column, locale));
        }
        return new XlsxTables.Table(text("crm.analytics.export.sheet." + sheet, locale), headers, rows);
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static String text(String key, Locale locale) {
        return TEXTS.message(key, locale).orElse(key);
    }
}
