package ua.hromada.oks.service;

import java.time.ZoneId;

import ua.hromada.oks.api.DocumentRegister;
import ua.hromada.oks.api.ViolationDocuments.Kind;

/** The document register over an {@link OksTestSetup}'s database, for the other OKS bundles' tests (test-jar). */
public final class DocumentTestSetup {
    private DocumentTestSetup() {
    }

    public static DocumentRegister register(OksTestSetup oks) {
        return new DocumentRegisterImpl(oks.database(), oks.violations(), ZoneId.of("Europe/Kyiv"));
    }

    /**
     * The current community's catalogue row of an action now produces a document (the open
     * catalogue's column), as an administrator sets it.
     */
    public static void produces(OksTestSetup oks, String actionKey, Kind kind) {
        oks.executeInCommunity("UPDATE oks.workflow_action SET document = '" + kind.name() + "' WHERE kind = '"
                + actionKey.replace("'", "''") + "'");
    }
}
