package ua.hromada.gis.ogc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** A test class over one {@link OgcFixture} (database, services, HTTP server), started once for the class. */
abstract class OgcFixtureTest {

    static OgcFixture f;

    @BeforeAll
    static void startFixture() throws Exception {
        f = new OgcFixture();
    }

    @AfterAll
    static void stopFixture() throws Exception {
        if (f != null) {
            f.close();
            f = null;
        }
    }
}
