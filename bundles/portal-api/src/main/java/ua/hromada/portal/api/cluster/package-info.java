/**
 * Several portal nodes on one database (docs/cluster.md): {@link ChangeFeed} tells every node what
 * another node changed, so its derived stores (search index, snapshots, caches) follow.
 *
 * <p>Semantically versioned (docs/api-versioning.md).
 */
@Export
@Version("1.1.0")
package ua.hromada.portal.api.cluster;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
