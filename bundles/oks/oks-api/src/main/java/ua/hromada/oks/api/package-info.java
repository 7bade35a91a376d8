/**
 * The OKS (public order control) module's API: violations, their workflow, catalogues, documents
 * and notices, shared by its bundles.
 *
 * <p>Semantically versioned (docs/api-versioning.md): the build compares this package with its
 * baseline and fails when a change needs a higher version than the one below.
 */
@Export
@Version("2.2.0")
package ua.hromada.oks.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
