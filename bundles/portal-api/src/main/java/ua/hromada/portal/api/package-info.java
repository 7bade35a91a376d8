/**
 * The portal's SPI for modules: contributions (views, menu, search, widgets, permissions), the
 * services the portal offers them (settings, current user, notifications, schema migrations,
 * installed modules) and their value types. 2.1.0 added {@link PublicSearchProvider} and
 * {@code PortalView.summary} (the public home page's search and tiles), {@code MessageBundle.text}
 * (a key in the first of several bundles that knows it), {@code ResourceBundleMessages.ukrainian}, {@code ApiResponses.internalError}, {@code failure}, {@code databaseUnavailable},
 * {@code databaseBusy}, {@code RETRY_AFTER_SECONDS} (2.1.0 is not yet released: the baseline is 2.0.0) and
 * {@code HromadaModule.WAITS_FOR_OTHER_MODULE}.
 *
 * <p>Semantically versioned (docs/api-versioning.md): the build compares this package with its
 * baseline and fails when a change needs a higher version than the one below.
 */
@Export
@Version("2.1.0")
package ua.hromada.portal.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
