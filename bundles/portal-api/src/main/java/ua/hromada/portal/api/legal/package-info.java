/**
 * Links from other modules to the council's legal acts: {@link LegalActLookup} finds acts for a
 * "legal basis" field (offered by the document-search module while it is installed) and
 * {@link LegalActReferences} tells the act's page what refers to it (offered by the modules that
 * store an act's id).
 *
 * <p>Semantically versioned (docs/api-versioning.md): the build compares this package with its
 * baseline and fails when a change needs a higher version than the one below.
 */
@Export
@Version("1.0.0")
package ua.hromada.portal.api.legal;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
