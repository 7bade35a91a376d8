package ua.hromada.portal.shell.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

class KarArchiveTest {

    private static byte[] kar(String path, String content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("META-INF/KARAF.MF"));
            zip.write("Manifest-Version: 1.0\n".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry(path));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    @Test
    void theModulesOfAKarAreItsHromadaFeaturesThatNoOtherOfItsFeaturesIncludes() throws IOException {
        String features = """
                <features name="hromada-oks-1.0.0" xmlns="http://karaf.apache.org/xmlns/features/v1.6.0">
                  <feature name="hromada-core" version="1.0.0"><bundle>mvn:ua.hromada/portal-shell/1.0.0</bundle></feature>
                  <feature name="hromada-oks" version="1.0.0">
                    <feature>hromada-core</feature>
                    <feature>hromada-oks-libs</feature>
                    <bundle>mvn:ua.hromada/oks-ui/1.0.0</bundle>
                  </feature>
                  <feature name="hromada-oks-libs" version="1.0.0"><bundle>mvn:org.apache.poi/poi/5.2.5</bundle></feature>
                  <feature name="scr" version="4.4.10"/>
                </features>
                """;
        byte[] archive = kar("repository/ua/hromada/hromada-oks/1.0.0/hromada-oks-1.0.0-features.xml", features);
        assertEquals(Set.of("oks"), KarArchive.moduleKeys(archive));
    }

    @Test
    void anArchiveWithoutAHromadaFeatureOrNotAZipHasNoModule() throws IOException {
        assertEquals(Set.of(), KarArchive.moduleKeys(kar("repository/a/b/pom.xml", "<project/>")));
        assertEquals(Set.of(), KarArchive.moduleKeys(kar("repository/x/features.xml",
                "<features xmlns=\"http://karaf.apache.org/xmlns/features/v1.6.0\"><feature name=\"other\"/></features>")));
        assertEquals(Set.of(), KarArchive.moduleKeys("plain text".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aFeaturesFileWithADoctypeIsNotRead() throws IOException {
        String hostile = "<?xml version=\"1.0\"?><!DOCTYPE features [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<features><feature name=\"hromada-x\">&x;</feature></features>";
        assertEquals(Set.of(), KarArchive.moduleKeys(kar("repository/x/features.xml", hostile)));
    }
}
