/**
 * A size-limited upload component for module views and the one import dialog of a table file.
 *
 * <p>Semantically versioned (docs/api-versioning.md): the build compares this package with its
 * baseline and fails when a change needs a higher version than the one below.
 */
@Export
@Version("1.1.0")
package ua.hromada.portal.ui.upload;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
