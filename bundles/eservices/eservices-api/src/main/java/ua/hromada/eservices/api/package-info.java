/**
 * The e-services module's API: the council's units that own services and handle appeals
 * ({@link Units}), the catalogue of council and state e-services with its link monitor, and
 * residents' e-appeals: the public intake, the employees' handling and the applicant's cabinet.
 *
 * <p>Semantically versioned (docs/api-versioning.md).
 */
@Export
@Version("1.0.0")
package ua.hromada.eservices.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
