package ua.hromada.crm.ui.cases;

import org.osgi.service.component.annotations.Component;

import ua.hromada.portal.api.MessageBundle;
import ua.hromada.portal.api.ResourceBundleMessages;

/** The cases pages' texts ({@code i18n/crm-cases} of this bundle: {@code crm.case.ui.*}). */
@Component(service = MessageBundle.class)
public class CasesUiMessages extends ResourceBundleMessages {
    public CasesUiMessages() {
        super("i18n.crm-cases");
    }
}
