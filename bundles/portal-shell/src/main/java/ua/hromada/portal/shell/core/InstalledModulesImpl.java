package ua.hromada.portal.shell.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import ua.hromada.portal.api.InstalledModules;
import ua.hromada.portal.shell.core.ModuleCatalogue.Found;
import ua.hromada.portal.shell.core.ModuleStates.Wanted;

/**
 * The modules' life cycle as the Modules page asks for it. Every change is first put to
 * {@link ModuleChangeRule} (in a portal of several communities only the regional administrator
 * changes the modules they all share), then made on this node ({@link ModuleActions}) inside the
 * transaction that records it for every node of the database ({@link ModuleStates}): the other
 * nodes follow it within a second or two ({@link ModuleFollower}), one that is down when it starts.
 */
@Component(service = InstalledModules.class)
public class InstalledModulesImpl implements InstalledModules {

    /** Upload size limit for a module file. */
    static final long MAX_UPLOAD = 100L * 1024 * 1024;

    private final ModuleCatalogue catalogue;
    private final ModuleChangeRule rule;
    private final ModuleActions actions;
    /**
     * Optional: the list (and the health page, which needs it) works without the database, as at a
     * start while PostgreSQL is out of reach; a change then is refused.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ModuleStates states;

    @Activate
    public InstalledModulesImpl(@Reference ModuleCatalogue catalogue, @Reference ModuleChangeRule rule,
            @Reference ModuleActions actions) {
        this.catalogue = catalogue;
        this.rule = rule;
        this.actions = actions;
    }

    private ModuleStates states() {
        ModuleStates shared = states;
        if (shared == null) {
            throw new ModuleException("modules.error.shared", "the portal's database is not ready", null);
        }
        return shared;
    }

    @Override
    public List<ModuleInfo> list() {
        return catalogue.modules();
    }

    @Override
    public Optional<ModuleInfo> module(String key) {
        return Optional.ofNullable(catalogue.find(key)).map(Found::info);
    }

    @Override
    public void start(String key) {
        change(key, Wanted.STARTED, () -> actions.start(key));
    }

    @Override
    public void stop(String key) {
        change(key, Wanted.STOPPED, () -> actions.stop(key));
    }

    @Override
    public void uninstall(String key) {
        change(key, Wanted.UNINSTALLED, () -> actions.uninstall(key));
    }

    private void change(String key, Wanted wanted, Runnable local) {
        rule.require();
        Found module = catalogue.find(key);
        if (module == null) {
            throw new ModuleException("modules.error.notFound", "No Hromada module " + key, null);
        }
        // recorded under the module's own key, as every node's catalogue names it
        states().change(module.info().key(), wanted, () -> {
            local.run();
            return null;
        });
    }

    @Override
    public ModuleInfo install(String fileName, InputStream content) {
        rule.require();
        String name = fileName == null ? "" : Paths.get(fileName).getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        if (!lower.endsWith(".jar") && !lower.endsWith(".kar")) {
            throw new ModuleException("modules.error.type", "Not a .jar or .kar: " + name, null);
        }
        byte[] bytes;
        try {
            bytes = content.readNBytes((int) MAX_UPLOAD + 1);
        } catch (IOException e) {
            throw new ModuleException("modules.error.read", e.getMessage(), e);
        }
        if (bytes.length > MAX_UPLOAD) {
            throw new ModuleException("modules.error.tooLarge", "Larger than " + MAX_UPLOAD, null);
        }
        Set<String> keys = ModuleFiles.keys(name, bytes);
        return states().upload(name, bytes, keys, () -> actions.install(name, bytes));
    }
}
