/**
 * Portal accounts and roles as the portal offers them to modules.
 *
 * <p>Semantically versioned (docs/api-versioning.md): the build compares this package with its
 * baseline and fails when a change needs a higher version than the one below.
 */
@Export
@Version("1.2.0")
package ua.hromada.portal.api.security;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
