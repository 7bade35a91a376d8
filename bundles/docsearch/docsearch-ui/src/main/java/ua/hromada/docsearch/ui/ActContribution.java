package ua.hromada.docsearch.ui;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import ua.hromada.docsearch.api.LegalActRegistry;
import ua.hromada.docsearch.ui.view.ActView;
import ua.hromada.portal.api.CurrentUser;
import ua.hromada.portal.api.PortalView;
import ua.hromada.portal.api.ViewContribution;
import ua.hromada.portal.api.legal.LegalActReferences;

/** Detail page {@code docs/act/:id} (not in the menu). */
@Component(service = ViewContribution.class)
@PortalView(route = "docs/act/:id", title = "docsearch.ui.menu.act", section = DocsearchPages.SECTION,
        icon = DocsearchPages.ICON, menu = false, permission = DocsearchPages.READ, view = ActView.class)
public class ActContribution implements ViewContribution {

    @Reference
    private LegalActRegistry registry;
    @Reference
    private CurrentUser currentUser;
    /** Other modules' references to acts, while those modules run. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<LegalActReferences> references;

    @Override
    public com.vaadin.flow.component.Component createView() {
        return new ActView(registry, currentUser, new ActReferences(() -> references == null ? List.of() : references));
    }
}
