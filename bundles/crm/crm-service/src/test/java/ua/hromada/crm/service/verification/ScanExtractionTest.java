package ua.hromada.crm.service.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import ua.hromada.crm.api.ReadWord;
import ua.hromada.crm.api.ScanText;
import ua.hromada.crm.api.TextRegion;
import ua.hromada.crm.service.verification.ScanExtraction.Found;

/**
 * Extraction from OCR words as tesseract gives them, noise included: a letter read for a digit, a
 * number split at a gap, Latin look-alikes in a passport series, a bilingual surname token, one
 * wrong letter in a name. (Reading real scans is crm-verification's TesseractScanReaderTest.)
 */
class ScanExtractionTest {

    /** Words of one line each, laid out left to right, 40 px high, a line every 60 px. */
    private static ScanText lines(String... lines) {
        List<ReadWord> words = new ArrayList<>();
        for (int l = 0; l < lines.length; l++) {
            int left = 100;
            for (String w : lines[l].split(" ")) {
                words.add(new ReadWord(1, l, w, left, 100 + 60 * l, w.length() * 20, 40, 90));
                left += w.length() * 20 + 15;
            }
        }
        return new ScanText(words, 1, "");
    }

    private static List<String> values(List<Found> found) {
        return found.stream().map(Found::value).toList();
    }

    @Test
    void numbersDespiteOcrNoise() {
        ScanExtraction x = new ScanExtraction(lines("РНОКПП: 31177O0123", "Документ №: 0012 34567",
                "Запис №: 19850315-01234", "Дата народження: 15.03.1985 Дійсний до: 20.05.2031"));
        assertEquals(List.of("3117700123"), values(x.taxNumbers()), "О read for 0");
        assertEquals(List.of("001234567"), values(x.idCardNumbers()), "one number split at a gap");
        assertEquals(List.of("19850315-01234"), values(x.registryNumbers()));
        assertEquals(List.of("15.03.1985", "20.05.2031"), values(x.dates()));
        assertEquals(List.of("15.03.1985"), values(x.birthDates()));
        Found tax = x.taxNumbers().get(0);
        assertEquals(new TextRegion(1, 255, 100, 200, 40), tax.region(), "the number's word only");
        assertEquals("РНОКПП: 31177O0123", tax.evidence());
        // the record number's digits are neither a РНОКПП nor an ID-card number
        assertFalse(values(x.idCardNumbers()).contains("19850315"));
    }

    @Test
    void passportSeriesWithLatinLookAlikes() {
        ScanExtraction x = new ScanExtraction(lines("Паспорт серії KB 123456 виданий", "Серія МЕ654321"));
        assertEquals(List.of("КВ123456", "МЕ654321"), values(x.passportNumbers()));
    }

    @Test
    void namesWithOcrTolerance() {
        ScanText text = lines("Прізвище / Surname: ШЕВЧЕНКО/SHEVCHENKO", "Ім’я: ОЛЕНА");
        assertTrue(NameMatch.find("Шевченко", text.words()).orElseThrow().exact());
        assertTrue(NameMatch.find("Шевчеико", text.words()).orElseThrow().exact(), "one letter misread");
        NameMatch.Match other = NameMatch.find("Шевчук", lines("Прізвище: ШЕВЧИН").words()).orElseThrow();
        assertFalse(other.exact());
        assertEquals("ШЕВЧИН", other.read());
        assertTrue(NameMatch.find("Коваленко", text.words()).isEmpty(), "nothing alike");
        assertTrue(NameMatch.find("Ольга", lines("Ім’я: ОЛЕНА").words()).isEmpty(), "short names: exact only");
    }
}
