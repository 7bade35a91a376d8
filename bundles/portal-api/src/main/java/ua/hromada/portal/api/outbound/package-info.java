/**
 * The portal's one way to send HTTP to an address someone typed (a CKAN portal, a resource link, an
 * Open311 {@code media_url}): {@link OutboundHttp} with the caller's {@link OutboundPolicy} — http(s)
 * only, public addresses unless the caller's allowed networks list them, the host resolved once per
 * hop and the connection made to that checked address, redirects followed and checked again, time
 * and size bounded. A refusal is an {@link OutboundRefusedException}: nothing was sent.
 * {@link IpNetwork} parses a setting's list of networks (since 1.1.0).
 *
 * <p>Semantically versioned (docs/api-versioning.md).
 */
@Export
@Version("1.1.0")
package ua.hromada.portal.api.outbound;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
