/**
 * The ЦНАП CRM module's API: service cards ({@link ServiceCards}, versioned: a case keeps the
 * version it was opened under), applicants ({@link Applicants}), cases with their document
 * checklist, deadlines and journal ({@link Cases}), the explainable verification of a case
 * ({@link Verification}), the routing of free-text requests ({@link Routing}), the hall's queue
 * ({@link Queue}) and the analytics ({@link CrmAnalytics}).
 *
 * <p>Semantically versioned (docs/api-versioning.md).
 */
@Export
@Version("1.0.0")
package ua.hromada.crm.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
