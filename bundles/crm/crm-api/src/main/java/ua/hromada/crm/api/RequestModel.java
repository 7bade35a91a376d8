package ua.hromada.crm.api;

import java.util.List;

/** A trained request classifier: immutable, safe to share between threads. */
public interface RequestModel {

    /** The {@code max} most likely labels, best first; empty for a text with no known word. */
    List<LabelScore> classify(String text, int max);

    /** How many examples it was trained on. */
    int examples();
}
