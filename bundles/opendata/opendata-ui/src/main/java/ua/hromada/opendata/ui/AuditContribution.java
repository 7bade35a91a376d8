package ua.hromada.opendata.ui;

import org.osgi.service.component.annotations.Reference;

/** A menu entry of the audit: registered only while the audit bundle's services run. */
abstract class AuditContribution extends OpendataContribution {

    @Reference
    protected AuditComponents audit;
}
