package ua.hromada.oks.service;

import static ua.hromada.oks.api.ActionKind.*;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import ua.hromada.oks.api.ActionKind;
import ua.hromada.oks.api.StepInputs;
import ua.hromada.oks.api.StepInputs.Input;

/**
 * The transition rules of docs/oks-workflow.md: which step may follow which, and who may take it.
 * Pure logic, so every rule is tested without a database.
 */
final class Workflow {

    /** Who asks: the roles that matter to a step. */
    record Actor(boolean inspector, boolean admin, boolean executorOfCase) {
    }

    private static final Set<ActionKind> WITH_EXECUTOR = EnumSet.of(SENT, REDIRECTED, ACCEPTED, RETURNED, EXTENDED);

    private static final Map<ActionKind, Set<ActionKind>> AFTER = Map.ofEntries(
            Map.entry(SENT, EnumSet.of(DETECTED, DETECTED_URGENT)),
            Map.entry(ACCEPTED, EnumSet.of(SENT, REDIRECTED)),
            Map.entry(DISPUTED, EnumSet.copyOf(WITH_EXECUTOR)),
            Map.entry(REPORTED, EnumSet.of(ACCEPTED, RETURNED, EXTENDED)),
            Map.entry(CONFIRMED, EnumSet.of(REPORTED)),
            Map.entry(RETURNED, EnumSet.of(REPORTED)),
            Map.entry(REDIRECTED, with(WITH_EXECUTOR, DISPUTED)),
            Map.entry(EXTENDED, with(WITH_EXECUTOR, DISPUTED)),
            Map.entry(ARCHIVED, EnumSet.complementOf(EnumSet.of(ARCHIVED))));

    private Workflow() {
    }

    private static Set<ActionKind> with(Set<ActionKind> base, ActionKind extra) {
        EnumSet<ActionKind> s = EnumSet.copyOf(base);
        s.add(extra);
        return s;
    }

    /** May {@code next} follow {@code last} at all (whoever asks)? */
    static boolean follows(ActionKind last, ActionKind next) {
        Set<ActionKind> allowed = AFTER.get(next);
        return allowed != null && allowed.contains(last);
    }

    /** May this actor take {@code next} after {@code last}? (Assumes {@link #follows}.) */
    static boolean permitted(ActionKind last, ActionKind next, Actor a) {
        return switch (next) {
            case SENT, CONFIRMED, RETURNED -> a.inspector() || a.admin();
            case ACCEPTED, DISPUTED, REPORTED -> a.executorOfCase();
            case REDIRECTED, EXTENDED -> last == DISPUTED ? a.admin() : a.inspector() || a.admin();
            case ARCHIVED -> a.admin();
            case DETECTED, DETECTED_URGENT -> false;
        };
    }

    /** Steps after which the executor has nothing left to do: not overdue any more. */
    static final Set<ActionKind> FINISHED = EnumSet.of(REPORTED, CONFIRMED, ARCHIVED);

    /**
     * The inputs a step takes and those it requires: only what the step uses is asked for.
     *
     * @param cardHasDeadline whether the violation already has a deadline (then sending it keeps
     *                        that one unless another is chosen)
     */
    static StepInputs inputs(ActionKind kind, boolean cardHasDeadline) {
        return switch (kind) {
            case SENT -> new StepInputs(kind, EnumSet.of(Input.EXECUTOR, Input.DEADLINE, Input.COMMENT),
                    cardHasDeadline ? EnumSet.of(Input.EXECUTOR) : EnumSet.of(Input.EXECUTOR, Input.DEADLINE));
            case REDIRECTED -> new StepInputs(kind, EnumSet.of(Input.EXECUTOR, Input.DEADLINE, Input.COMMENT),
                    EnumSet.of(Input.EXECUTOR, Input.COMMENT));
            case DISPUTED -> new StepInputs(kind, EnumSet.of(Input.COMMENT), EnumSet.of(Input.COMMENT));
            case REPORTED -> new StepInputs(kind, EnumSet.of(Input.COMMENT, Input.PHOTOS), EnumSet.noneOf(Input.class));
            case RETURNED -> new StepInputs(kind, EnumSet.of(Input.COMMENT, Input.DEADLINE), EnumSet.of(Input.COMMENT));
            case EXTENDED -> new StepInputs(kind, EnumSet.of(Input.DEADLINE, Input.COMMENT), EnumSet.of(Input.DEADLINE));
            case ACCEPTED, CONFIRMED, ARCHIVED -> new StepInputs(kind, EnumSet.of(Input.COMMENT), EnumSet.noneOf(Input.class));
            // registration is its own page, never a step on a card
            case DETECTED, DETECTED_URGENT -> throw new IllegalArgumentException(kind + " is not a step of a card");
        };
    }
}
