package ua.hromada.crm.service.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;

import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ua.hromada.crm.api.CardFileFormat;
import ua.hromada.crm.api.CaseDraft;
import ua.hromada.crm.api.CaseQuery;
import ua.hromada.crm.api.CaseSource;
import ua.hromada.crm.api.CaseStatus;
import ua.hromada.crm.api.CrmException;
import ua.hromada.crm.api.FeeKind;
import ua.hromada.crm.api.ServiceCase;
import ua.hromada.crm.service.CrmTestSetup;
import ua.hromada.portal.api.PortalException.Reason;

/** The case list exported as CSV and XLSX (read back with FastExcel's reader), with the list's rights and filters. */
class CaseExportImplTest {
    private static final Locale UK = Locale.forLanguageTag("uk");
    @AutoClose
    private final CrmTestSetup setup = new CrmTestSetup();
    private final CaseFixture fixture = new CaseFixture(setup);
    private CaseExportImpl export;
    private ServiceCase desk;
    private ServiceCase appeal;

    @BeforeEach
    void setUp() {
        export = new CaseExportImpl(setup.cases());
        // Monday 1 March 2027: the desk's case is due on Monday 8 March, the e-appeal's a month later
        fixture.at(LocalDate.of(2027, 3, 1), LocalTime.of(9, 5));
        desk = fixture.open(fixture.landCard(FeeKind.FREE, 5), "Коваленко");
        fixture.at(LocalDate.of(2027, 3, 1), LocalTime.of(11, 30));
        ServiceCase opened = setup.cases().open(setup.administrator, new CaseDraft(fixture.person("Шевченко").id(),
                fixture.landCard(FeeKind.FREE, 20).id(), CaseSource.E_APPEAL, "2027-17", "Прошу видати витяг", false, true));
        ServiceCase handed = setup.cases().handOver(setup.administrator, opened.id(), opened.version());
        appeal = setup.cases().take(setup.executor, handed.id(), handed.version());
        fixture.at(LocalDate.of(2027, 3, 15), LocalTime.of(10, 0));
    }

    private static List<Row> rows(byte[] xlsx) throws IOException {
        try (ReadableWorkbook book = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            assertEquals("Справи", book.getFirstSheet().getName());
            return book.getFirstSheet().read();
        }
    }

    @Test
    void xlsxHoldsTheListsColumnsWithDatesAsDatesNewestFirst() throws IOException {
        List<Row> rows = rows(export.export(setup.head, CaseQuery.all(), CardFileFormat.XLSX, UK));
        assertEquals(3, rows.size(), "the header and two cases");
        assertEquals(List.of("Номер", "Зареєстровано", "Заявник", "Послуга", "Джерело", "Статус", "Граничний строк",
                "Прострочено", "Адміністратор", "Виконавець"), rows.get(0).stream().map(c -> c.getText()).toList());

        Row first = rows.get(1);
        assertEquals(appeal.number(), first.getCellText(0));
        assertEquals(CellType.NUMBER, first.getCell(1).getType(), "a date cell, not text");
        assertEquals(LocalDateTime.of(2027, 3, 1, 11, 30), first.getCellAsDate(1).orElseThrow(), "Kyiv time");
        assertEquals("Шевченко Олена Петрівна", first.getCellText(2));
        assertEquals("Е-звернення № 2027-17", first.getCellText(4));
        assertEquals("У бек-офісі", first.getCellText(5));
        assertEquals(appeal.deadline().atStartOfDay(), first.getCellAsDate(6).orElseThrow());
        assertEquals("ні", first.getCellText(7));
        assertEquals("Марія Адміністраторка", first.getCellText(8), "by name, not the user name");
        assertEquals("executor", first.getCellText(9));

        Row second = rows.get(2);
        assertEquals(desk.number(), second.getCellText(0));
        assertEquals(LocalDateTime.of(2027, 3, 1, 9, 5), second.getCellAsDate(1).orElseThrow());
        assertEquals(desk.serviceName(), second.getCellText(3));
        assertEquals("Прийом у ЦНАП", second.getCellText(4));
        assertEquals("Зареєстровано", second.getCellText(5));
        assertEquals(LocalDate.of(2027, 3, 8).atStartOfDay(), second.getCellAsDate(6).orElseThrow());
        assertEquals("так", second.getCellText(7), "past its deadline and not ready");

        List<Row> english = rows(export.export(setup.head, CaseQuery.all(), CardFileFormat.XLSX, Locale.ENGLISH));
        assertEquals("Number", english.get(0).getCellText(0));
        assertEquals("In back office", english.get(1).getCellText(5));
    }

    @Test
    void csvIsUtf8WithABomSemicolonsAndNoFormulas() {
        byte[] bytes = export.export(setup.administrator, CaseQuery.all(), CardFileFormat.CSV, UK);
        assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF), List.of(bytes[0], bytes[1], bytes[2]));
        List<String> lines = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8).lines().toList();
        assertEquals("Номер;Зареєстровано;Заявник;Послуга;Джерело;Статус;Граничний строк;Прострочено;Адміністратор;"
                + "Виконавець",
                lines.get(0));
        assertEquals(desk.number() + ";01.03.2027 09:05;Коваленко Олена Петрівна;" + desk.serviceName()
                + ";Прийом у ЦНАП;Зареєстровано;08.03.2027;так;Марія Адміністраторка;", lines.get(2));
        assertEquals(3, lines.size());
        assertTrue(CaseExportImpl.safe("=1+1").equals("'=1+1") && CaseExportImpl.safe("Олена").equals("Олена"));
    }

    @Test
    void theListsFiltersAndRightsHold() throws IOException {
        CaseQuery inBackOffice = new CaseQuery(CaseStatus.IN_BACK_OFFICE, false, 0, "", false);
        List<Row> handed = rows(export.export(setup.head, inBackOffice, CardFileFormat.XLSX, UK));
        assertEquals(List.of(appeal.number()), handed.stream().skip(1).map(r -> r.getCellText(0)).toList());
        List<Row> overdue = rows(export.export(setup.head, new CaseQuery(null, true, 0, "", false), CardFileFormat.XLSX, UK));
        assertEquals(List.of(desk.number()), overdue.stream().skip(1).map(r -> r.getCellText(0)).toList());
        // the back office exports only what was handed over to its roles
        List<Row> executors = rows(export.export(setup.executor, CaseQuery.all(), CardFileFormat.XLSX, UK));
        assertEquals(List.of(appeal.number()), executors.stream().skip(1).map(r -> r.getCellText(0)).toList());
        assertEquals(Reason.FORBIDDEN, assertThrows(CrmException.class,
                () -> export.export(setup.stranger, CaseQuery.all(), CardFileFormat.CSV, UK)).reason());
    }
}
