package ua.hromada.portal.shell.core;

import java.util.function.Supplier;

import org.osgi.service.component.ComponentServiceObjects;

import com.vaadin.flow.component.Component;

import ua.hromada.portal.api.ViewContribution;

/**
 * Creates the views of one contribution: gets (activates) the contribution when the first of its
 * views is created and keeps it until the service goes, when the registry releases it.
 */
final class ContributionService implements Supplier<Component> {

    private final ComponentServiceObjects<ViewContribution> objects;
    private ViewContribution contribution;
    private boolean released;

    ContributionService(ComponentServiceObjects<ViewContribution> objects) {
        this.objects = objects;
    }

    @Override
    public Component get() {
        return contribution().createView();
    }

    private synchronized ViewContribution contribution() {
        if (released) {
            throw new IllegalStateException("the view's module is gone");
        }
        if (contribution == null) {
            contribution = objects.getService();
            if (contribution == null) {
                throw new IllegalStateException("the view's contribution " + objects.getServiceReference()
                        + " cannot be activated");
            }
        }
        return contribution;
    }

    synchronized void release() {
        released = true;
        if (contribution != null) {
            try {
                objects.ungetService(contribution);
            } catch (IllegalStateException | IllegalArgumentException e) {
                // DS has already released it with the reference
            }
            contribution = null;
        }
    }
}
