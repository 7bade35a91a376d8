package ua.hromada.oks.ui.view;

import java.util.EnumSet;
import java.util.Set;

import ua.hromada.oks.api.ActionKind;

/**
 * The inputs a workflow step asks for in its dialog, from the rules of docs/oks-workflow.md:
 * only what the step uses is shown, and what the rules require is marked required. The service
 * checks the rules again; this only keeps the dialogs small.
 *
 * @param inputs   the fields shown, in the order of {@link Input}
 * @param required those that must be filled in
 */
public record ActionForm(ActionKind kind, Set<Input> inputs, Set<Input> required) {

    public enum Input {
        EXECUTOR, DEADLINE, COMMENT, PHOTOS
    }

    public ActionForm {
        inputs = inputs.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(inputs));
        required = required.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(required));
    }

    public boolean shows(Input input) {
        return inputs.contains(input);
    }

    public boolean requires(Input input) {
        return required.contains(input);
    }

    /**
     * @param cardHasDeadline whether the violation already has a deadline (then sending it keeps
     *                        that one unless another is chosen)
     */
    public static ActionForm of(ActionKind kind, boolean cardHasDeadline) {
        return switch (kind) {
            case SENT -> form(kind, EnumSet.of(Input.EXECUTOR, Input.DEADLINE, Input.COMMENT),
                    cardHasDeadline ? EnumSet.of(Input.EXECUTOR) : EnumSet.of(Input.EXECUTOR, Input.DEADLINE));
            case REDIRECTED -> form(kind, EnumSet.of(Input.EXECUTOR, Input.DEADLINE, Input.COMMENT),
                    EnumSet.of(Input.EXECUTOR, Input.COMMENT));
            case DISPUTED -> form(kind, EnumSet.of(Input.COMMENT), EnumSet.of(Input.COMMENT));
            case REPORTED -> form(kind, EnumSet.of(Input.COMMENT, Input.PHOTOS), EnumSet.noneOf(Input.class));
            case RETURNED -> form(kind, EnumSet.of(Input.COMMENT, Input.DEADLINE), EnumSet.of(Input.COMMENT));
            case EXTENDED -> form(kind, EnumSet.of(Input.DEADLINE, Input.COMMENT), EnumSet.of(Input.DEADLINE));
            case ACCEPTED, CONFIRMED, ARCHIVED -> form(kind, EnumSet.of(Input.COMMENT), EnumSet.noneOf(Input.class));
            // registration is its own page, never a step on a card
            case DETECTED, DETECTED_URGENT -> throw new IllegalArgumentException(kind + " is not a step of a card");
        };
    }

    private static ActionForm form(ActionKind kind, Set<Input> inputs, Set<Input> required) {
        return new ActionForm(kind, inputs, required);
    }
}
