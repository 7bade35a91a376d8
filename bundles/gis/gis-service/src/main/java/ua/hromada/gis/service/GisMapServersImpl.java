package ua.hromada.gis.service;

import java.util.Arrays;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

import ua.hromada.gis.api.http.GisMapServers;
import ua.hromada.portal.api.outbound.OutboundPolicy;

/**
 * The GIS's outbound rules: {@code allowed.networks} of etc/ua.hromada.gis.mapservers.cfg, for the
 * capabilities reader and the image proxy (bundle gis-proxy). A list that is not one of addresses or
 * networks stops the component at start, naming the entry.
 */
@Component(service = GisMapServers.class, configurationPid = MapServersConfig.PID)
@Designate(ocd = MapServersConfig.class)
public class GisMapServersImpl implements GisMapServers {
    /** The setting named in refusals. */
    static final String SETTING = "allowed.networks";

    private final OutboundPolicy policy;

    @Activate
    public GisMapServersImpl(MapServersConfig config) {
        this(config.allowed_networks() == null ? List.of() : Arrays.asList(config.allowed_networks()));
    }

    /**
     * @param allowedNetworks addresses or CIDR networks allowed even when not public; an entry with
     *        commas (a .cfg file's one value) is several, as {@link OutboundPolicy#allowing} reads it
     */
    GisMapServersImpl(List<String> allowedNetworks) {
        this.policy = OutboundPolicy.allowing(SETTING, allowedNetworks);
    }

    @Override
    public OutboundPolicy policy() {
        return policy;
    }
}
