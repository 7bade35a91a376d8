package ua.hromada.portal.shell.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.Test;

import ua.hromada.portal.api.InstalledModules.ModuleException;

/** What an uploaded module file is, before anything is recorded or installed. */
class ModuleFilesTest {

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
        assertEquals("ua.hromada.oks-ui", ModuleFiles.symbolicName(jar(manifest)));
    }

    @Test
    void aJarWithoutBundleHeadersOrAnythingElseIsNotABundle() throws IOException {
        Manifest plain = new Manifest();
        plain.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        assertNull(ModuleFiles.symbolicName(jar(plain)));
        assertNull(ModuleFiles.symbolicName(jar(null)));
        assertNull(ModuleFiles.symbolicName("not a zip at all".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void karArchivesMustBeZips() throws IOException {
        assertTrue(ModuleFiles.isZip(jar(null)));
        assertFalse(ModuleFiles.isZip("plain text".getBytes(StandardCharsets.UTF_8)));
        assertFalse(ModuleFiles.isZip(new byte[0]));
    }

    @Test
    void anUploadCarriesItsModuleKeysOrIsRefusedAsThePageSays() throws IOException {
        Manifest module = new Manifest();
        module.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        module.getMainAttributes().putValue("Bundle-SymbolicName", "ua.hromada.greeting");
        module.getMainAttributes().putValue("Hromada-Module", "greeting");
        assertEquals(Set.of("greeting"), ModuleFiles.keys("greeting.jar", jar(module)));
        Manifest library = new Manifest();
        library.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        library.getMainAttributes().putValue("Bundle-SymbolicName", "org.example.lib;singleton:=true");
        assertEquals(Set.of("org.example.lib"), ModuleFiles.keys("lib.jar", jar(library)), "a library by its name");

        Manifest plain = new Manifest();
        plain.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        assertEquals("modules.error.notBundle", refusal("plain.jar", jar(plain)));
        assertEquals("modules.error.notKar", refusal("x.KAR", "text".getBytes(StandardCharsets.UTF_8)));
        assertEquals("modules.error.notModuleKar", refusal("x.kar", jar(plain)));
        assertEquals(64, ModuleFiles.sha256(jar(plain)).length());
    }

    private static String refusal(String name, byte[] bytes) {
        return assertThrows(ModuleException.class, () -> ModuleFiles.keys(name, bytes)).messageKey();
    }
}
