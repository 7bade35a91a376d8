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

    List<WorkflowAction> actions();

    /** Renames an action or changes its code, status group or responsible group. */
    WorkflowAction saveAction(PortalUser admin, WorkflowAction action);
}
