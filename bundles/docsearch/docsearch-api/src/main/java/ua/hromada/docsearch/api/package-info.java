/**
 * The document search module's API: legal acts, their search and import, shared by its bundles and
 * by other modules.
 *
 * <p>Semantically versioned (docs/api-versioning.md): the build compares this package with its
 * baseline and fails when a change needs a higher version than the one below.
 */
@Export
@Version("2.2.0")
package ua.hromada.docsearch.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
