package ua.hromada.crm.service.cases;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.crm.api.CardFileFormat;
import ua.hromada.crm.api.CaseExport;
import ua.hromada.crm.api.CaseQuery;
import ua.hromada.crm.api.CaseSource;
import ua.hromada.crm.api.CaseStatus;
import ua.hromada.crm.api.ServiceCase;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.calendar.DisplayFormats;

/**
 * The case list as CSV or XLSX: the same cases {@link CasesImpl#find} gives the user (so the same
 * rights and filters), a page at a time up to {@link CaseExport#MAX_ROWS}. In XLSX the registration
 * time and the deadline are date cells (a spreadsheet sorts and filters them); in CSV they are
 * written as the list shows them, and a text starting like a formula is neutralised.
 */
@Component(service = CaseExport.class)
public class CaseExportImpl implements CaseExport {
    static final int PAGE = 500;
    private static final String SHEET = "Справи";

    private final CasesImpl cases;
    private final CaseMessages messages = new CaseMessages();

    @Activate
    public CaseExportImpl(@Reference CasesImpl cases) {
        this.cases = cases;
    }

    /** One exported case: the list's columns, dates in the community's time. */
    private record Line(String number, LocalDateTime registered, String applicant, String service, String source,
            String status, LocalDate deadline, boolean overdue, String administrator, String executor) {
    }

    @Override
    public byte[] export(PortalUser user, CaseQuery query, CardFileFormat format, Locale locale) {
        Locale language = locale != null && "en".equals(locale.getLanguage()) ? Locale.ENGLISH : CaseMessages.UK;
        List<Line> lines = lines(user, query == null ? CaseQuery.all() : query, language);
        List<String> header = List.of("number", "registered", "applicant", "service", "source", "status", "deadline",
                "overdue", "administrator", "executor").stream().map(k -> text(language, "crm.case.export." + k)).toList();
        String yes = text(language, "crm.case.export.yes");
        String no = text(language, "crm.case.export.no");
        return format == CardFileFormat.XLSX ? xlsx(header, lines, yes, no) : csv(header, lines, yes, no);
    }

    private List<Line> lines(PortalUser user, CaseQuery query, Locale language) {
        ZoneId zone = cases.settings().portal().timeZone();
        LocalDate today = cases.today();
        List<Line> out = new ArrayList<>();
        List<ServiceCase> page = cases.find(user, query, 0, PAGE);
        while (!page.isEmpty() && out.size() < MAX_ROWS) {
            for (ServiceCase c : page.subList(0, Math.min(page.size(), MAX_ROWS - out.size()))) {
                String source = c.source() == CaseSource.E_APPEAL
                        ? text(language, "crm.case.export.source.appeal", c.appealNumber())
                        : text(language, "crm.case.export.source.desk");
                out.add(new Line(c.number(), LocalDateTime.ofInstant(c.registeredAt(), zone), c.applicantName(),
                        c.serviceName(), source, text(language, "crm.case.status." + c.status().name()), c.deadline(),
                        overdue(c, today), CasePrintoutsImpl.administrator(c), c.executor()));
            }
            page = page.size() < PAGE ? List.of() : cases.find(user, query, out.size(), PAGE);
        }
        return out;
    }

    /** As the list marks it: not yet ready (at the desk or in the back office) after its deadline. */
    static boolean overdue(ServiceCase c, LocalDate today) {
        return (c.status() == CaseStatus.REGISTERED || c.status() == CaseStatus.IN_BACK_OFFICE)
                && c.deadline().isBefore(today);
    }

    private String text(Locale language, String key, Object... args) {
        String pattern = messages.message(key, language).orElse(key);
        return args.length == 0 ? pattern : new java.text.MessageFormat(pattern, language).format(args);
    }

    private static byte[] csv(List<String> header, List<Line> lines, String yes, String no) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // a BOM so that spreadsheet programs read the Cyrillic as UTF-8; ";" as they expect here
        out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setDelimiter(';').build())) {
            printer.printRecord(header);
            for (Line l : lines) {
                printer.printRecord(l.number(), DisplayFormats.DATE_TIME.format(l.registered()), safe(l.applicant()), safe(l.service()),
                        l.source(), l.status(), DisplayFormats.DATE.format(l.deadline()), l.overdue() ? yes : no, l.administrator(),
                        l.executor());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A CSV cell a spreadsheet would take for a formula (=, +, -, @ first) is kept as text. */
    static String safe(String value) {
        return !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    private static byte[] xlsx(List<String> header, List<Line> lines, String yes, String no) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook book = new Workbook(out, "Hromada", "1.0");
            Worksheet sheet = book.newWorksheet(SHEET);
            for (int col = 0; col < header.size(); col++) {
                sheet.value(0, col, header.get(col));
                sheet.style(0, col).bold().set();
            }
            int[] widths = {12, 17, 32, 50, 22, 20, 12, 10, 28, 16};
            for (int col = 0; col < widths.length; col++) {
                sheet.width(col, widths[col]);
            }
            for (int i = 0; i < lines.size(); i++) {
                Line l = lines.get(i);
                int r = i + 1;
                sheet.value(r, 0, l.number());
                sheet.value(r, 1, l.registered());
                sheet.style(r, 1).format("dd.mm.yyyy hh:mm").set();
                sheet.value(r, 2, l.applicant());
                sheet.value(r, 3, l.service());
                sheet.value(r, 4, l.source());
                sheet.value(r, 5, l.status());
                sheet.value(r, 6, l.deadline());
                sheet.style(r, 6).format("dd.mm.yyyy").set();
                sheet.value(r, 7, l.overdue() ? yes : no);
                sheet.value(r, 8, l.administrator());
                sheet.value(r, 9, l.executor());
            }
            sheet.freezePane(0, 1);
            book.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
