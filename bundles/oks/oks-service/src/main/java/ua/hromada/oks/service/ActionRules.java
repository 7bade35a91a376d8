package ua.hromada.oks.service;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import ua.hromada.oks.api.ActionEffect;
import ua.hromada.oks.api.OksException;
import ua.hromada.oks.api.StepInputs.Input;
import ua.hromada.oks.api.WorkflowAction;
import ua.hromada.oks.api.WorkflowAction.Role;
import ua.hromada.portal.api.PortalException.Reason;

/**
 * What an action of the catalogue must be before it is saved, so the engine ({@link Workflow}) never
 * meets a catalogue that breaks its invariants: every step but a detection follows some action,
 * nothing follows the archive, someone may take each step, registration and the archive stay, a
 * shipped action keeps the effect other code relies on, and an effect's own input is required.
 */
final class ActionRules {

    private ActionRules() {
    }

    /**
     * The action as it will be stored (required inputs shown, the invariants' own rules), or an
     * {@link OksException} saying what is wrong.
     *
     * @param stored the row as stored, null for a new action
     * @param all    the community's catalogue
     */
    static WorkflowAction checked(WorkflowAction a, WorkflowAction stored, List<WorkflowAction> all) {
        ActionEffect effect = a.effect();
        if (stored != null && stored.kind() != null && stored.effect() != effect) {
            throw new OksException(Reason.INVALID, "oks.error.actionEffectFixed", stored.name());
        }
        if (effect.reserved() && (stored == null || stored.effect() != effect)) {
            throw new OksException(Reason.INVALID, "oks.error.actionEffectReserved");
        }
        if (effect.reserved() && !a.active()) {
            throw new OksException(Reason.INVALID, "oks.error.actionAlwaysActive", a.name());
        }
        Set<Input> inputs = EnumSet.noneOf(Input.class);
        inputs.addAll(a.inputs());
        inputs.addAll(a.required());
        if (effect == ActionEffect.DETECT) {
            // registration is its own page: no predecessor, no role, no step inputs
            return rebuilt(a, Set.of(), Set.of(), inputs);
        }
        if (effect == ActionEffect.ARCHIVE) {
            // the archive follows every action and is an administrator's, whatever the form said
            return rebuilt(a, EnumSet.of(Role.ADMIN), Set.of(), inputs);
        }
        if (a.roles().isEmpty()) {
            throw new OksException(Reason.INVALID, "oks.error.actionRolesRequired");
        }
        if (a.after().isEmpty()) {
            throw new OksException(Reason.INVALID, "oks.error.actionAfterRequired");
        }
        for (String key : a.after()) {
            WorkflowAction before = all.stream().filter(x -> x.key().equals(key)).findFirst()
                    .orElseThrow(() -> new OksException(Reason.INVALID, "oks.error.actionAfterUnknown", key));
            if (before.effect() == ActionEffect.ARCHIVE) {
                throw new OksException(Reason.INVALID, "oks.error.actionAfterArchived", before.name());
            }
        }
        if (effect == ActionEffect.ASSIGN && !a.required().contains(Input.EXECUTOR)) {
            throw new OksException(Reason.INVALID, "oks.error.actionNeedsExecutor");
        }
        if (effect == ActionEffect.EXTEND && !a.required().contains(Input.DEADLINE)) {
            throw new OksException(Reason.INVALID, "oks.error.actionNeedsDeadline");
        }
        return rebuilt(a, a.roles(), a.after(), inputs);
    }

    /**
     * Whether the action came without rules: the shipped-action constructor of {@link WorkflowAction}
     * (a caller that only renames or renumbers), whose stored rules then stay.
     */
    static boolean carriesNoRules(WorkflowAction a) {
        ActionEffect asShipped = a.kind() == null ? ActionEffect.NONE : a.kind().effect();
        return (a.effect() == ActionEffect.NONE || a.effect() == asShipped) && a.active() && a.roles().isEmpty() && a.after().isEmpty() && a.inputs().isEmpty()
                && a.required().isEmpty() && a.document() == null;
    }

    /** {@code a}'s code, name and groups with {@code stored}'s rules. */
    static WorkflowAction withRulesOf(WorkflowAction a, WorkflowAction stored) {
        return new WorkflowAction(stored.key(), a.code(), a.name(), a.group(), a.responsible(), stored.effect(),
                stored.active(), stored.roles(), stored.after(), stored.inputs(), stored.required(), stored.document(),
                a.version());
    }

    static WorkflowAction withKey(WorkflowAction a, String key, long version) {
        return new WorkflowAction(key, a.code(), a.name(), a.group(), a.responsible(), a.effect(), a.active(), a.roles(),
                a.after(), a.inputs(), a.required(), a.document(), version);
    }

    private static WorkflowAction rebuilt(WorkflowAction a, Set<Role> roles, Set<String> after, Set<Input> inputs) {
        return new WorkflowAction(a.key(), a.code(), a.name(), a.group(), a.responsible(), a.effect(), a.active(), roles,
                after, inputs, a.required(), a.document(), a.version());
    }
}
