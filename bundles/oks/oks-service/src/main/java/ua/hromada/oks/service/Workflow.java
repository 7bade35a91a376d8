package ua.hromada.oks.service;

import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import ua.hromada.oks.api.ActionEffect;
import ua.hromada.oks.api.ActionKind;
import ua.hromada.oks.api.StepInputs;
import ua.hromada.oks.api.StepInputs.Input;
import ua.hromada.oks.api.WorkflowAction;
import ua.hromada.oks.api.WorkflowAction.Role;

/**
 * The transition rules of docs/oks-workflow.md over a community's action catalogue: which step may
 * follow which, who may take it, what it asks for. The catalogue holds the rules; fixed here are only
 * the invariants: registration ({@link ActionEffect#DETECT}) is no step of a card, the archive
 * follows every action and is an administrator's, and nothing follows the archive. Who resolves a
 * dispute is the catalogue's too (the roles of the actions that may follow it). Pure logic over the rows it is given, so every rule is tested
 * without a database.
 */
final class Workflow {

    /** Who asks: the roles that matter to a step. */
    record Actor(boolean inspector, boolean admin, boolean executorOfCase) {
    }

    private final Map<String, WorkflowAction> byKey = new LinkedHashMap<>();

    Workflow(Collection<WorkflowAction> catalogue) {
        for (WorkflowAction a : catalogue) {
            byKey.put(a.key(), a);
        }
    }

    /** The rules as shipped (ShippedCatalogue), as a new community gets them. */
    static Workflow shipped() {
        return new Workflow(ShippedCatalogue.ACTIONS);
    }

    Optional<WorkflowAction> action(String key) {
        return Optional.ofNullable(key == null ? null : byKey.get(key));
    }

    List<WorkflowAction> actions() {
        return List.copyOf(byKey.values());
    }

    /** May {@code next} follow {@code last} at all (whoever asks)? An inactive action follows nothing. */
    boolean follows(String last, String next) {
        WorkflowAction l = byKey.get(last);
        WorkflowAction n = byKey.get(next);
        if (l == null || n == null || l.effect() == ActionEffect.ARCHIVE || n.effect() == ActionEffect.DETECT) {
            return false;
        }
        if (n.effect() == ActionEffect.ARCHIVE) {
            return true;
        }
        return n.active() && n.after().contains(last);
    }

    boolean follows(ActionKind last, ActionKind next) {
        return follows(last.name(), next.name());
    }

    /** May this actor take {@code next} after {@code last}? (Assumes {@link #follows}.) */
    boolean permitted(String last, String next, Actor a) {
        WorkflowAction l = byKey.get(last);
        WorkflowAction n = byKey.get(next);
        if (l == null || n == null || n.effect() == ActionEffect.DETECT) {
            return false;
        }
        if (n.effect() == ActionEffect.ARCHIVE) {
            return a.admin();
        }
        Set<Role> roles = n.roles();
        return roles.contains(Role.INSPECTOR) && a.inspector() || roles.contains(Role.ADMIN) && a.admin()
                || roles.contains(Role.EXECUTOR) && a.executorOfCase();
    }

    boolean permitted(ActionKind last, ActionKind next, Actor a) {
        return permitted(last.name(), next.name(), a);
    }

    /** The actions this actor may take after {@code last}, in catalogue order. */
    List<WorkflowAction> next(String last, Actor a) {
        return byKey.values().stream().filter(n -> follows(last, n.key()) && permitted(last, n.key(), a)).toList();
    }

    /** After this step the executor has nothing left to do: not overdue any more. */
    boolean finished(String key) {
        WorkflowAction a = byKey.get(key);
        return a != null && a.effect().finishesWork();
    }

    /**
     * The inputs a step takes and those it requires: only what the step uses is asked for.
     *
     * @param cardHasDeadline whether the violation already has a deadline (then giving it to an
     *                        executor keeps that one unless another is chosen)
     * @throws IllegalArgumentException for registration, which is no step of a card, and an unknown key
     */
    StepInputs inputs(String key, boolean cardHasDeadline) {
        WorkflowAction a = action(key).orElseThrow(() -> new IllegalArgumentException("no action " + key));
        if (a.effect() == ActionEffect.DETECT) {
            throw new IllegalArgumentException(key + " is not a step of a card");
        }
        Set<Input> required = a.required().isEmpty() ? EnumSet.noneOf(Input.class) : EnumSet.copyOf(a.required());
        if (a.effect() == ActionEffect.ASSIGN && cardHasDeadline) {
            required.remove(Input.DEADLINE);
        }
        Set<Input> inputs = EnumSet.copyOf(required);
        inputs.addAll(a.inputs());
        return new StepInputs(a.key(), inputs, required);
    }

    StepInputs inputs(ActionKind kind, boolean cardHasDeadline) {
        return inputs(kind.name(), cardHasDeadline);
    }
}
