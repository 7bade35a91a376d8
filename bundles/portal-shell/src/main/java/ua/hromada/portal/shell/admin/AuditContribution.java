package ua.hromada.portal.shell.admin;

import org.osgi.service.component.annotations.Reference;

import com.vaadin.flow.component.Component;

import ua.hromada.portal.api.ViewContribution;
import ua.hromada.portal.api.audit.AuditLog;

@org.osgi.service.component.annotations.Component(service = ViewContribution.class)
public class AuditContribution extends AdminContribution {

    @Reference
    private AuditLog audit;

    public AuditContribution() {
        super("admin/audit", "admin.audit.title", "vaadin:records", 40, AuditView.class);
    }

    @Override
    public Component createView() {
        return new AuditView(audit);
    }
}
