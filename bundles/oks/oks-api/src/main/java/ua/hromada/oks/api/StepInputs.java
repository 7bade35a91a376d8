package ua.hromada.oks.api;

import java.util.EnumSet;
import java.util.Set;

/**
 * The inputs a workflow step takes, from its catalogue row ({@link WorkflowAction#inputs()},
 * {@link WorkflowAction#required()}), as the service answers them ({@link Violations#stepInputs}):
 * a dialog shows only these and marks the required ones; the service checks the step again when it
 * is taken.
 *
 * @param key      the action's key ({@link WorkflowAction#key()})
 * @param inputs   the inputs the step uses
 * @param required those that must be filled in
 */
public record StepInputs(String key, Set<Input> inputs, Set<Input> required) {

    public enum Input {
        EXECUTOR, DEADLINE, COMMENT,
        /** At least one photo (JPEG, PNG) when required. */
        PHOTOS,
        /** At least one PDF document when required. */
        DOCUMENT
    }

    public StepInputs {
        inputs = inputs.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(inputs));
        required = required.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(required));
    }

    /** The inputs of a shipped action. */
    public StepInputs(ActionKind kind, Set<Input> inputs, Set<Input> required) {
        this(kind.name(), inputs, required);
    }

    /** The shipped action whose inputs these are, null for an action an administrator added. */
    public ActionKind kind() {
        return ActionKind.ofKey(key).orElse(null);
    }

    public boolean shows(Input input) {
        return inputs.contains(input);
    }

    public boolean requires(Input input) {
        return required.contains(input);
    }
}
