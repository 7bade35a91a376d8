package ua.hromada.portal.shell.core;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code ua.hromada.portal.modules} (etc/ua.hromada.portal.modules.cfg), read by {@link ModuleBoot}. */
@ObjectClassDefinition(id = ModulesConfig.PID, name = "Hromada portal modules",
        description = "The modules the portal installs at start")
public @interface ModulesConfig {

    String PID = "ua.hromada.portal.modules";

    @AttributeDefinition(name = "Modules booted at start", description = "Module keys separated by commas (docsearch,"
            + " oks, opendata); each is the Karaf feature hromada-<key>. Empty = the platform only; removing a key"
            + " does not uninstall an installed module")
    String[] boot() default {};
}
