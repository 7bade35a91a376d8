package ua.hromada.opendata.ui.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import ua.hromada.opendata.api.AuditReports;
import ua.hromada.opendata.api.AuditRun;
import ua.hromada.opendata.api.OpendataAudit.Compliance;
import ua.hromada.opendata.api.RegistryTransfer;
import ua.hromada.opendata.api.Severity;
import ua.hromada.portal.testing.BundleTexts;

/** Both languages have the same keys, and every key the views ask for is there. */
class MessagesTest {

    private static Properties load(String name) throws IOException {
        return BundleTexts.load(MessagesTest.class, "/i18n/" + name);
    }

    @Test
    void ukrainianAndEnglishHaveTheSameKeys() throws IOException {
        assertEquals(new TreeSet<>(load("opendata-ui.properties").stringPropertyNames()),
                new TreeSet<>(load("opendata-ui_en.properties").stringPropertyNames()));
    }

    @Test
    void everyKeyTheViewsUseExists() throws IOException {
        Set<String> keys = load("opendata-ui.properties").stringPropertyNames();
        Pattern literal = Pattern.compile("\"(opendata\\.ui\\.[A-Za-z0-9_.]+[A-Za-z0-9_])\"");
        List<String> used = new ArrayList<>(BundleTexts.keysUsed(Path.of("src/main/java"), literal));
        // keys built from a prefix and a name
        for (AuditRun.Status s : AuditRun.Status.values()) {
            used.add("opendata.ui.audit.status." + s.name());
        }
        for (Compliance c : Compliance.values()) {
            used.add("opendata.ui.compliance." + c.name());
        }
        for (AuditReports.Format f : AuditReports.Format.values()) {
            used.add("opendata.ui.report." + f.name());
        }
        for (RegistryTransfer.Format f : RegistryTransfer.Format.values()) {
            used.add("opendata.ui.export." + f.name());
        }
        for (Severity s : Severity.values()) {
            used.add("opendata.ui.widget." + s.name().toLowerCase(java.util.Locale.ROOT));
        }
        for (String f : List.of("identifier", "title", "description", "language", "formats", "compression", "firstPublished",
                "lastModified", "actualityDate", "frequency", "keywords", "links", "responsiblePerson", "responsibleEmail",
                "legalBasis", "purpose", "manager", "tags", "obligation")) {
            used.add("opendata.ui.field." + f);
        }
        for (String f : List.of("name", "edrpou", "responsiblePerson", "email", "phone", "parent")) {
            used.add("opendata.ui.manager." + f);
        }
        List<String> missing = used.stream().filter(k -> !keys.contains(k)).distinct().toList();
        assertTrue(missing.isEmpty(), "missing: " + missing);
    }

    @Test
    void passportLabelsAreTheNationalWordingTheRegistryNamesInItsMessages() throws IOException {
        Properties uk = load("opendata-ui.properties");
        // the registry's Passport names (opendata-service): a refusal naming one marks that input
        assertEquals("Назва набору даних", uk.getProperty("opendata.ui.field.title"));
        assertEquals("Адреса електронної пошти відповідальної особи", uk.getProperty("opendata.ui.field.responsibleEmail"));
        assertEquals("Пункт переліку обов'язкових наборів", uk.getProperty("opendata.ui.field.obligation"));
        assertEquals("Найменування розпорядника", uk.getProperty("opendata.ui.manager.name"));
        assertEquals("Електронна пошта розпорядника", uk.getProperty("opendata.ui.manager.email"));
    }
}
