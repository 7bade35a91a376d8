package ua.hromada.gis.exchange.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

import ua.hromada.gis.exchange.ImportFormat;
import ua.hromada.gis.exchange.ImportOptions;
import ua.hromada.gis.exchange.ImportedDataset;

/** Whatever a user uploads under whatever format, the answer is a dataset, never an exception. */
class AnyBytesTest {

    @Test
    void randomBytesEmptyFilesAndOtherFormatsGiveAFileError() {
        Random random = new Random(12);
        byte[][] inputs = new byte[6][];
        for (int i = 0; i < 3; i++) {
            inputs[i] = new byte[50 + random.nextInt(2000)];
            random.nextBytes(inputs[i]);
        }
        inputs[3] = new byte[0];
        inputs[4] = "%PDF-1.4\n1 0 obj\n<<>>\nendobj".getBytes(StandardCharsets.US_ASCII);
        inputs[5] = new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0};
        for (ImportFormat format : ImportFormat.values()) {
            for (byte[] input : inputs) {
                ImportedDataset d = Exchange.read(format, input, ImportOptions.detect().withSrid(4326));
                assertEquals(1, d.fileErrors().size(), format + " " + d.fileErrors() + " " + Exchange.keys(d));
                assertTrue(d.rows().isEmpty(), format + " " + Exchange.keys(d));
                Exchange.assertTexts(d);
            }
        }
    }
}
