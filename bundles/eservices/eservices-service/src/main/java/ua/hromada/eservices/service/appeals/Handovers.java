package ua.hromada.eservices.service.appeals;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import ua.hromada.eservices.api.AppealHandover;

/**
 * The hand-overs to other modules present now (each waits for its module: OKS's arrives with OKS and
 * leaves with it). Topics check their target against it; the intake asks it after each commit.
 */
@Component(service = Handovers.class)
public class Handovers {
    private final List<AppealHandover> present = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addHandover(AppealHandover handover) {
        present.add(handover);
    }

    public void removeHandover(AppealHandover handover) {
        present.remove(handover);
    }

    /** The hand-over to {@code target} if its module is there. */
    public Optional<AppealHandover> find(String target) {
        return present.stream().filter(h -> h.target().equals(target)).findFirst();
    }

    public Set<String> targets() {
        Set<String> targets = new TreeSet<>();
        present.forEach(h -> targets.add(h.target()));
        return targets;
    }
}
