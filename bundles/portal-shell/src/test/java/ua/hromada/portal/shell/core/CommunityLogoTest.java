package ua.hromada.portal.shell.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommunityLogoTest {

    @TempDir
    Path etc;

    @Test
    void aFileNameIsReadFromEtc() throws IOException {
        Path svg = Files.writeString(etc.resolve("logo.svg"), "<svg xmlns='http://www.w3.org/2000/svg'/>");
        CommunityLogo logo = CommunityLogo.of(" logo.svg ", etc);
        assertEquals(Optional.of(svg.toAbsolutePath().normalize()), logo.file());
        assertEquals("image/svg+xml", logo.contentType());
        assertEquals(Optional.empty(), logo.url());
        assertTrue(logo.present());
    }

    @Test
    void anAbsoluteFileIsServedToo() throws IOException {
        Path png = Files.write(etc.resolve("gerb.PNG"), new byte[] { (byte) 0x89, 'P', 'N', 'G' });
        CommunityLogo logo = CommunityLogo.of(png.toString(), Path.of("/nonexistent-etc"));
        assertEquals(Optional.of(png), logo.file());
        assertEquals("image/png", logo.contentType());
    }

    @Test
    void urlsAreShownAsTheyAre() {
        assertEquals(Optional.of("https://example.gov.ua/logo.png"),
                CommunityLogo.of("https://example.gov.ua/logo.png", etc).url());
        assertEquals(Optional.of("/images/logo.png"), CommunityLogo.of("/images/logo.png", etc).url(),
                "a path on the site when no such file exists");
        assertEquals(Optional.empty(), CommunityLogo.of("https://example.gov.ua/logo.png", etc).file());
    }

    @Test
    void nothingOrSomethingUnusableShowsNoLogo() throws IOException {
        Files.writeString(etc.resolve("notes.txt"), "not an image");
        Files.createDirectory(etc.resolve("folder.svg"));
        for (String value : new String[] { null, "", "   ", "missing.svg", "notes.txt", "folder.svg", "../etc" }) {
            CommunityLogo logo = CommunityLogo.of(value, etc);
            assertFalse(logo.present(), String.valueOf(value));
            assertEquals(Optional.empty(), logo.file());
            assertEquals(Optional.empty(), logo.url());
        }
    }
}
