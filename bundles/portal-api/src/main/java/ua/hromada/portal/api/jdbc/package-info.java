/**
 * JDBC helpers for modules: a module's migrated schema, transactions, keyed updates and batches,
 * optimistic versioning, filter conditions (1.4.0 added Statements.containing, 1.5.0 Statements.nextOfYear,
 * 1.6.0 SqlCondition).
 *
 * <p>Semantically versioned (docs/api-versioning.md): the build compares this package with its
 * baseline and fails when a change needs a higher version than the one below.
 */
@Export
@Version("1.6.0")
package ua.hromada.portal.api.jdbc;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
