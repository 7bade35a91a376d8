/**
 * The open data module's API: the dataset registry, its audit, official requests and publication,
 * shared by its bundles.
 *
 * <p>Semantically versioned (docs/api-versioning.md): the build compares this package with its
 * baseline and fails when a change needs a higher version than the one below.
 */
@Export
@Version("3.1.0")
package ua.hromada.opendata.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
