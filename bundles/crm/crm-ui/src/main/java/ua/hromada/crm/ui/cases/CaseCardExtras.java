package ua.hromada.crm.ui.cases;

import com.vaadin.flow.component.html.Div;

import ua.hromada.crm.api.ServiceCase;

/**
 * What another part of the CRM puts on a case's card: the verification's findings panel goes into
 * the {@code case-findings} area, and {@code changed} shows the case again after an override.
 */
@FunctionalInterface
public interface CaseCardExtras {
    void findings(Div area, ServiceCase shown, Runnable changed);
}
