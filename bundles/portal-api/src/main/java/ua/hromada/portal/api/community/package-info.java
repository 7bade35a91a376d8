/**
 * Regional hosting: the communities one portal serves, the community of the running work (an HTTP
 * request's host name, a UI's session, a job's submitter) and each community's settings overlay.
 *
 * <p>Semantically versioned (docs/api-versioning.md): the build compares this package with its
 * baseline and fails when a change needs a higher version than the one below.
 */
@Export
@Version("1.0.0")
package ua.hromada.portal.api.community;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
