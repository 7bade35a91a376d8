/**
 * The portal's one job service: every piece of work that runs off the caller's thread (imports,
 * index rebuilds, audits, mail, schedules, UI pushes) runs on a named pool of {@link Jobs}, with
 * progress and cancel. Modules never create threads or executors of their own.
 *
 * <p>Semantically versioned (docs/api-versioning.md).
 */
@Export
@Version("1.1.0")
package ua.hromada.portal.api.jobs;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
