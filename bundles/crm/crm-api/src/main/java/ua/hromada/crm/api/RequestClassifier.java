package ua.hromada.crm.api;

import java.util.List;

/**
 * The text classifier of the routing (an engine, no storage): trains a model from labelled
 * requests, in the community's language (Ukrainian morphology).
 */
public interface RequestClassifier {

    /** A model of these examples; with no example a model that classifies nothing. */
    RequestModel train(List<LabelledRequest> examples);
}
