package ua.hromada.opendata.service;

import static ua.hromada.portal.api.PortalException.Reason.INVALID;

import java.time.Duration;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

import com.fasterxml.jackson.databind.ObjectMapper;

import ua.hromada.opendata.api.OpendataException;
import ua.hromada.opendata.api.OutboundRequests;
import ua.hromada.portal.api.community.Communities;

/**
 * What the CKAN import and publication share: open data's outbound rules (the portal's outbound HTTP,
 * {@code allowed.networks}, this file's timeout) and the publisher's API key, the community's own
 * (its overlay) else the shared one.
 */
// the PID of its settings file (etc/ua.hromada.opendata.ckan.cfg), not the class name
@Component(service = CkanConnection.class, configurationPid = CkanConfig.PID)
@Designate(ocd = CkanConfig.class)
public class CkanConnection {
    private final OutboundRequests outbound;
    private final Duration timeout;
    private final String sharedKey;
    private final Communities communities;

    @Activate
    public CkanConnection(@Reference OutboundRequests outbound, @Reference Communities communities, CkanConfig config) {
        this(outbound, communities, Duration.ofSeconds(Math.max(1, config.timeout_seconds())), config.api_key());
    }

    CkanConnection(OutboundRequests outbound, Communities communities, Duration timeout, String apiKey) {
        this.outbound = outbound;
        this.communities = communities;
        this.timeout = timeout;
        this.sharedKey = apiKey;
    }

    /** A portal's client and the organisation read from it. */
    record Opened(String portal, CkanClient client, CkanClient.Organization organization) {
    }

    /** Checks the typed portal address and organisation and reads the organisation (organization_show). */
    Opened open(String portalUrl, String organization, ObjectMapper json) {
        String portal = CkanClient.portal(portalUrl);
        String org = Rules.strip(organization);
        if (org == null) {
            throw new OpendataException(INVALID, "opendata.error.ckan.organizationRequired");
        }
        CkanClient client = client(portal, json);
        return new Opened(portal, client, client.organization(org));
    }

    /** A client of the portal (an address {@link CkanClient#portal} checked). */
    CkanClient client(String portal, ObjectMapper json) {
        return new CkanClient(outbound, json, portal, timeout);
    }

    /** The publisher's API key of the running work's community. */
    Optional<String> apiKey() {
        return communities.current().setting(CkanConfig.PID, "api.key")
                .or(() -> Optional.ofNullable(sharedKey).filter(k -> !k.isBlank())).map(String::strip);
    }
}
