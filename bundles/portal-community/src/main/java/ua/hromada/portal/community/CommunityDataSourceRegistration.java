package ua.hromada.portal.community;

import java.util.Dictionary;
import java.util.Hashtable;

import javax.sql.DataSource;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.portal.api.community.Communities;
import ua.hromada.portal.api.jdbc.CommunityData;
import ua.hromada.portal.api.jdbc.CommunityDataSource;

/**
 * The community DataSource modules reference ({@link CommunityData#TARGET}): the portal's pool,
 * each connection as {@link CommunityData#APP_ROLE} with the community of the work that takes it.
 * Registered by hand because {@link CommunityDataSource} is the API's final class, not a component.
 */
@Component(immediate = true, service = {})
public class CommunityDataSourceRegistration {

    private final ServiceRegistration<DataSource> registration;

    @Activate
    public CommunityDataSourceRegistration(@Reference(target = "(dataSourceName=hromada)") DataSource owner,
            @Reference Communities communities, BundleContext context) {
        registration = context.registerService(DataSource.class, dataSource(owner, communities), properties());
    }

    static DataSource dataSource(DataSource owner, Communities communities) {
        return new CommunityDataSource(owner, () -> communities.current().id());
    }

    static Dictionary<String, Object> properties() {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("dataSourceName", CommunityData.NAME);
        properties.put(Constants.SERVICE_DESCRIPTION,
                "The portal's pool as " + CommunityData.APP_ROLE + ", bound to the community of the running work");
        return properties;
    }

    @Deactivate
    void deactivate() {
        registration.unregister();
    }
}
