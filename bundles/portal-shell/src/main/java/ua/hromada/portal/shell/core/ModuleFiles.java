package ua.hromada.portal.shell.core;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import ua.hromada.portal.api.HromadaModule;
import ua.hromada.portal.api.InstalledModules.ModuleException;

/** What an uploaded module file is: a KAR or a bundle, the module keys it carries, its checksum. */
final class ModuleFiles {

    private ModuleFiles() {
    }

    static boolean isKar(String fileName) {
        return fileName.toLowerCase(Locale.ROOT).endsWith(".kar");
    }

    /**
     * The module keys an upload carries: a KAR's {@code hromada-<key>} features; a bundle's
     * {@code Hromada-Module} header, or its symbolic name for a plain bundle (a library a module
     * needs). Refuses a file that is neither, as the Modules page says.
     */
    static Set<String> keys(String fileName, byte[] bytes) {
        if (isKar(fileName)) {
            if (!isZip(bytes)) {
                throw new ModuleException("modules.error.notKar", fileName + " is not a KAR (zip) archive", null);
            }
            Set<String> keys = KarArchive.moduleKeys(bytes);
            if (keys.isEmpty()) {
                throw new ModuleException("modules.error.notModuleKar", fileName + " has no hromada-<module> feature", null);
            }
            return keys;
        }
        Manifest manifest = manifest(bytes);
        String symbolicName = manifest == null ? null : manifest.getMainAttributes().getValue("Bundle-SymbolicName");
        if (symbolicName == null || symbolicName.isBlank()) {
            throw new ModuleException("modules.error.notBundle", fileName + " has no Bundle-SymbolicName", null);
        }
        String key = manifest.getMainAttributes().getValue(HromadaModule.HEADER_MODULE);
        return Set.of(key == null || key.isBlank() ? symbolicName.split(";")[0].trim() : key.trim());
    }

    static String symbolicName(byte[] jar) {
        Manifest manifest = manifest(jar);
        String bsn = manifest == null ? null : manifest.getMainAttributes().getValue("Bundle-SymbolicName");
        return bsn == null || bsn.isBlank() ? null : bsn.split(";")[0].trim();
    }

    private static Manifest manifest(byte[] jar) {
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
            return in.getManifest();
        } catch (IOException e) {
            return null;
        }
    }

    static boolean isZip(byte[] bytes) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry entry = in.getNextEntry();
            return entry != null;
        } catch (IOException e) {
            return false;
        }
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest = digest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
