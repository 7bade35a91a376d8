package ua.hromada.oks.api;

import java.util.List;
import java.util.Optional;

import ua.hromada.portal.api.PortalUser;

/**
 * The module's catalogues: violation types, executor organisations with their people, and the
 * workflow actions. Reading is open to every OKS user; changing needs {@link OksPermissions#ADMINISTER}.
 * Nothing is deleted: entries are deactivated so old cases keep their names. An update carries the
 * version the form read; a save of an entry changed meanwhile is refused with portal-api's
 * {@code EditConflictException} and changes nothing.
 */
@org.osgi.annotation.versioning.ProviderType
public interface OksCatalog {

    List<ViolationType> types(boolean includeInactive);

    Optional<ViolationType> typeByCode(String code);

    /** Creates (id 0) or updates a type; the code is unique. */
    ViolationType saveType(PortalUser admin, ViolationType type);

    List<ExecutorOrganisation> executors(boolean includeInactive);

    Optional<ExecutorOrganisation> executor(long id);

    /** Creates (id 0) or updates an organisation, its contacts and its members. */
    ExecutorOrganisation saveExecutor(PortalUser admin, ExecutorOrganisation organisation);

    /** The organisations the user belongs to as an executor. */
    List<ExecutorOrganisation> organisationsOf(String username);

    /** Every action, the inactive ones too (old journal rows show them), by status group and code. */
    List<WorkflowAction> actions();

    /** The active actions only, or all of them. */
    default List<WorkflowAction> actions(boolean includeInactive) {
        return includeInactive ? actions() : actions().stream().filter(WorkflowAction::active).toList();
    }

    /** The action of that key (active or not). */
    default Optional<WorkflowAction> action(String key) {
        return actions().stream().filter(a -> a.key().equals(key)).findFirst();
    }

    /**
     * Adds an action (empty key: the service gives it a key of its own) or changes one: code, name,
     * groups, effect, roles, predecessors, inputs, document, active. Refused ({@link OksException},
     * {@code INVALID} or {@code CONFLICT}) when the code is taken, a required field is missing, an
     * action other than a detection has no predecessor, an action would follow the archive, a
     * detection or the archive would be deactivated or a shipped action's effect changed. Nothing is
     * deleted: an action is deactivated. An action given without rules (the shipped-action
     * constructor of {@link WorkflowAction}) keeps its stored ones.
     */
    WorkflowAction saveAction(PortalUser admin, WorkflowAction action);
}
