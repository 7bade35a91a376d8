package ua.hromada.portal.ui.map;

import com.vaadin.flow.component.ComponentEvent;

/** The view changed: the user panned or zoomed, or the visible layers changed. */
public class ViewChangeEvent extends ComponentEvent<PortalMap> {

    private static final long serialVersionUID = 1L;
    private final MapViewState state;

    public ViewChangeEvent(PortalMap source, boolean fromClient, MapViewState state) {
        super(source, fromClient);
        this.state = state;
    }

    public MapViewState state() {
        return state;
    }
}
