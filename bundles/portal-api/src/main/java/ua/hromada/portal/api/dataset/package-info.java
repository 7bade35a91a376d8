/**
 * Datasets a module offers to the open-data module.
 *
 * <p>Semantically versioned (docs/api-versioning.md): the build compares this package with its
 * baseline and fails when a change needs a higher version than the one below.
 */
@Export
@Version("1.0.0")
package ua.hromada.portal.api.dataset;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
