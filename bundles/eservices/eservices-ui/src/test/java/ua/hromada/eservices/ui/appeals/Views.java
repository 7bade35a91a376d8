package ua.hromada.eservices.ui.appeals;

import java.util.Optional;
import java.util.stream.Stream;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.dialog.Dialog;

import ua.hromada.portal.testing.TestSessions;

/**
 * What the appeals pages' tests share: components found by id (dialogs too, once the UI attached
 * them as before a response) and the texts a page shows.
 * Texts are keys here, as {@code !{key}!}: the tests run without the portal's translations.
 */
final class Views {
    private Views() {
    }

    static Stream<Component> all(Component c) {
        Stream<Component> children = c.getChildren();
        if (c instanceof Dialog dialog) {
            // a dialog's footer (its buttons) is not among its children
            children = Stream.concat(children, dialog.getFooter().getElement().getChildren()
                    .flatMap(e -> e.getComponent().stream()));
        }
        return Stream.concat(Stream.of(c), children.flatMap(Views::all));
    }

    static <T extends Component> Optional<T> maybe(Component root, String id) {
        @SuppressWarnings("unchecked")
        Optional<T> found = all(root).filter(c -> c.getId().filter(id::equals).isPresent()).map(c -> (T) c).findFirst();
        return found;
    }

    static <T extends Component> T find(Component root, String id) {
        return Views.<T>maybe(root, id).orElseThrow(() -> new AssertionError("no component #" + id));
    }

    /** A dialog (or anything) the page opened: Vaadin attaches it to the UI just before its response. */
    static <T extends Component> T opened(UI ui, String id) {
        if (ui.getSession() == null) {
            // the executions queue JavaScript (a field's focus) on the UI's session
            ui.getInternals().setSession(TestSessions.locked());
        }
        ui.getInternals().getStateTree().runExecutionsBeforeClientResponse();
        return find(ui, id);
    }

    /** Every text under {@code c}, as a person (or a screen reader) would get it. */
    static String text(Component c) {
        return c.getElement().getTextRecursively();
    }

    /** The translation placeholder the tests see for {@code key}. */
    static String key(String key) {
        return "!{" + key + "}!";
    }
}
