package ua.hromada.portal.shell.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.Test;

class InstalledModulesImplTest {

    private static byte[] jar(Manifest manifest) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JarOutputStream jar = manifest == null ? new JarOutputStream(out) : new JarOutputStream(out, manifest)) {
            jar.putNextEntry(new ZipEntry("readme.txt"));
            jar.write("x".getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    @Test
    void aBundleIsRecognisedByItsSymbolicName() throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Bundle-SymbolicName", "ua.hromada.oks-ui;singleton:=true");
        assertEquals("ua.hromada.oks-ui", InstalledModulesImpl.symbolicName(jar(manifest)));
    }

    @Test
    void aJarWithoutBundleHeadersOrAnythingElseIsNotABundle() throws IOException {
        Manifest plain = new Manifest();
        plain.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        assertNull(InstalledModulesImpl.symbolicName(jar(plain)));
        assertNull(InstalledModulesImpl.symbolicName(jar(null)));
        assertNull(InstalledModulesImpl.symbolicName("not a zip at all".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void karArchivesMustBeZips() throws IOException {
        assertTrue(InstalledModulesImpl.isZip(jar(null)));
        assertFalse(InstalledModulesImpl.isZip("plain text".getBytes(StandardCharsets.UTF_8)));
        assertFalse(InstalledModulesImpl.isZip(new byte[0]));
    }
}
