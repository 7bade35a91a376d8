/**
 * The "legal basis" picker other modules put next to their legal-basis text: {@link LegalActField}
 * over portal-api's {@code LegalActLookup}.
 *
 * <p>Semantically versioned (docs/api-versioning.md): the build compares this package with its
 * baseline and fails when a change needs a higher version than the one below.
 */
@Export
@Version("1.0.0")
package ua.hromada.portal.ui.legal;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
