package ua.hromada.gis.exchange.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class TextEncodingTest {
    private static final String UKRAINIAN = "Пам’ятка архітектури місцевого значення, вул. Соборності, 12; охоронний № 45-Пл";
    private static final String SHORT = "Сквер";

    @Test
    void eachEncodingOfAUkrainianTextIsRecognised() {
        for (Charset charset : new Charset[] {StandardCharsets.UTF_8, TextEncoding.WINDOWS_1251, TextEncoding.CP866, TextEncoding.KOI8_U}) {
            String text = charset.equals(TextEncoding.WINDOWS_1251) || charset.equals(StandardCharsets.UTF_8)
                    ? UKRAINIAN : UKRAINIAN.replace('’', '\'').replace('№', 'N');
            assertEquals(charset, TextEncoding.detect(text.getBytes(charset)), charset.name());
            assertEquals(charset, TextEncoding.detect(SHORT.getBytes(charset)), charset.name() + " short");
        }
    }

    @Test
    void utf8IsCheckedByItsRules() {
        assertEquals(true, TextEncoding.isValidUtf8("Ґанок ї є 😀".getBytes(StandardCharsets.UTF_8)));
        for (int[] bad : new int[][] {{0xC0, 0x80}, {0xE0, 0x80, 0x80}, {0xED, 0xA0, 0x80}, {0xF4, 0x90, 0x80, 0x80}, {0xD0}, {0xD0, 0x41}, {0xFF}}) {
            byte[] bytes = new byte[bad.length];
            for (int i = 0; i < bad.length; i++) {
                bytes[i] = (byte) bad[i];
            }
            assertEquals(false, TextEncoding.isValidUtf8(bytes), java.util.Arrays.toString(bad));
        }
    }

    @Test
    void asciiAndBomAreUtf8() {
        assertEquals(StandardCharsets.UTF_8, TextEncoding.detect("lon;lat\n34.5;49.5".getBytes(StandardCharsets.US_ASCII)));
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a'};
        assertEquals(StandardCharsets.UTF_8, TextEncoding.detect(bom));
        assertEquals("a", TextEncoding.decode(bom, StandardCharsets.UTF_8));
    }

    @Test
    void aWindows1251TextDecodedAsUtf8IsRefused() {
        byte[] bytes = UKRAINIAN.getBytes(TextEncoding.WINDOWS_1251);
        ImportFailure failure = org.junit.jupiter.api.Assertions.assertThrows(ImportFailure.class,
                () -> TextEncoding.decode(bytes, StandardCharsets.UTF_8));
        assertEquals("gis.exchange.file.badEncoding", failure.error().key());
    }
}
