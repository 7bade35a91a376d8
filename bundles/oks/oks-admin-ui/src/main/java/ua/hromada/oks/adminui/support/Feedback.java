package ua.hromada.oks.adminui.support;

import ua.hromada.portal.ui.support.UiSupport;

/** Short messages of the views, and unexpected failures logged under an id shown to the person. */
public final class Feedback {

    private Feedback() {
    }

    public static void success(String text) {
        UiSupport.success(text);
    }

    public static void error(String text) {
        UiSupport.error(text);
    }

}
