package ua.hromada.portal.shell.ui;

import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.RouterLayout;

import ua.hromada.portal.shell.core.PortalSettingsImpl;

/** Frame of public pages (no sign-in): the community's name and a link to the employees' portal. */
public class PublicLayout extends Div implements RouterLayout {

    private static final long serialVersionUID = 1L;
    private final Main content = new Main();

    public PublicLayout(PortalSettingsImpl settings) {
        setId("public-layout");
        setSizeFull();
        HorizontalLayout bar = new HorizontalLayout();
        bar.setWidthFull();
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.getStyle().set("padding", "var(--lumo-space-s) var(--lumo-space-l)")
                .set("border-bottom", "1px solid var(--lumo-contrast-10pct)");
        if (settings.logoSrc() != null) {
            Image logo = new Image(settings.logoSrc(), settings.communityName(getLocale()));
            logo.setId("community-logo");
            logo.setHeight("36px");
            bar.add(logo);
        }
        Span name = new Span(settings.communityName(getLocale()));
        name.getStyle().set("font-weight", "600").set("font-size", "var(--lumo-font-size-l)");
        Anchor signIn = new Anchor(LoginView.ROUTE, getTranslation("public.signIn"));
        signIn.getElement().setAttribute("router-ignore", true);
        bar.add(name, signIn);
        bar.expand(name);
        Header header = new Header(bar);
        content.getStyle().set("padding", "var(--lumo-space-l)").set("max-width", "1200px").set("margin", "0 auto");
        add(header, content);
    }

    @Override
    public void showRouterLayoutContent(HasElement view) {
        content.removeAll();
        if (view != null) {
            content.getElement().appendChild(view.getElement());
        }
    }
}
