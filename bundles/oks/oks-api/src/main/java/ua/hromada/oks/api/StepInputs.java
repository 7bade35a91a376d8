package ua.hromada.oks.api;

import java.util.EnumSet;
import java.util.Set;

/**
 * The inputs a workflow step takes, from the rules of docs/oks-workflow.md, as the service
 * answers them ({@link Violations#stepInputs}): a dialog shows only these and marks the required
 * ones; the service checks the step again when it is taken.
 *
 * @param inputs   the inputs the step uses
 * @param required those that must be filled in
 */
public record StepInputs(ActionKind kind, Set<Input> inputs, Set<Input> required) {

    public enum Input {
        EXECUTOR, DEADLINE, COMMENT, PHOTOS
    }

    public StepInputs {
        inputs = inputs.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(inputs));
        required = required.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(required));
    }

    public boolean shows(Input input) {
        return inputs.contains(input);
    }

    public boolean requires(Input input) {
        return required.contains(input);
    }
}
