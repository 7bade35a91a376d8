/**
 * What the modules' HTTP APIs share beyond {@code ApiResponses}: {@link ApiError}, a refusal carrying
 * its status and message key. A package of its own so that adding it leaves the version of
 * {@code ua.hromada.portal.api}, and with it every module's import range, as it is.
 *
 * <p>Semantically versioned (docs/api-versioning.md).
 */
@Export
@Version("1.0.0")
package ua.hromada.portal.api.http;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
