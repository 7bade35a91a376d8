package ua.hromada.portal.persistence.cluster;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** {@code etc/ua.hromada.portal.cluster.cfg}: this node among several on one database (docs/cluster.md). */
@ObjectClassDefinition(id = ClusterConfig.PID, name = "Hromada nodes",
        description = "Several portal nodes on one PostgreSQL database: the change log that keeps each node's "
                + "search index, snapshots and caches in step.")
public @interface ClusterConfig {

    String PID = ua.hromada.portal.api.cluster.NodeName.PID;

    @AttributeDefinition(name = "Node name",
            description = "This node's name in the change log, the same after every restart (the node reads on from "
                    + "where it stopped). Empty: the host name and the Karaf data folder.")
    String node() default "";

    @AttributeDefinition(name = "Days kept",
            description = "Days the change log keeps its rows; a node down longer rebuilds its indexes.")
    int retention_days() default 7;
}
