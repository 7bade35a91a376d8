/**
 * What the modules that send e-mail share about the SMTP server: {@link Smtp}, the security modes
 * of a mail configuration, what a configuration still lacks and the Jakarta Mail session
 * properties (plain {@code java.util}: each module embeds Jakarta Mail itself). A package of its
 * own so that adding it leaves every other package's version as it is.
 *
 * <p>Semantically versioned (docs/api-versioning.md).
 */
@Export
@Version("1.0.0")
package ua.hromada.portal.api.mail;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
