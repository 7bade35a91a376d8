package ua.hromada.portal.shell.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import ua.hromada.portal.api.PermissionSet;

/**
 * The permissions modules declare, for the roles view. Kept apart from the view registry: the
 * roles view is itself a contribution, and a contribution depending on the registry that tracks
 * it would form a service cycle.
 */
@Component(service = PermissionCatalog.class)
public class PermissionCatalog {

    private final List<PermissionSet> sets = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addPermissionSet(PermissionSet set) {
        sets.add(set);
    }

    void removePermissionSet(PermissionSet set) {
        sets.remove(set);
    }

    public List<PermissionSet> permissionSets() {
        List<PermissionSet> sorted = new ArrayList<>(sets);
        sorted.sort(Comparator.comparing(PermissionSet::module));
        return sorted;
    }
}
