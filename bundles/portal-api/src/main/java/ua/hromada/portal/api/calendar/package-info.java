/**
 * The community's working-day calendar, shared by the modules that count deadlines in working days
 * (e-appeals, ЦНАП cases): Monday to Friday except the holidays each module's configuration lists;
 * the portal's display formats of dates and times (DisplayFormats, since 1.1.0).
 *
 * <p>Semantically versioned (docs/api-versioning.md).
 */
@Export
@Version("1.1.0")
package ua.hromada.portal.api.calendar;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
