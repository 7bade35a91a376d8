package ua.hromada.oks.api;

import java.time.LocalDate;
import java.util.List;

/**
 * A workflow step asked for by a user: the action by its key ({@link WorkflowAction#key()}); what
 * the step needs is its catalogue row's ({@link Violations#stepInputs}).
 *
 * @param action     the action's key
 * @param executorId the executor organisation, where the step takes one
 * @param deadline   the new deadline, where the step takes one
 * @param photos     photos and, where the step takes documents, PDFs
 */
public record TransitionRequest(String action, String comment, Long executorId, LocalDate deadline,
        List<PhotoUpload> photos) {

    public TransitionRequest {
        photos = photos == null ? List.of() : List.copyOf(photos);
    }

    /** A step of a shipped action. */
    public TransitionRequest(ActionKind kind, String comment, Long executorId, LocalDate deadline,
            List<PhotoUpload> photos) {
        this(kind == null ? null : kind.name(), comment, executorId, deadline, photos);
    }

    /** The shipped action asked for, null for an action an administrator added. */
    public ActionKind kind() {
        return ActionKind.ofKey(action).orElse(null);
    }

    public static TransitionRequest of(ActionKind kind) {
        return new TransitionRequest(kind, null, null, null, List.of());
    }

    /** A step of any action by its key, with nothing more. */
    public static TransitionRequest of(String actionKey) {
        return new TransitionRequest(actionKey, null, null, null, List.of());
    }

    /** The same step with these files. */
    public TransitionRequest withPhotos(List<PhotoUpload> files) {
        return new TransitionRequest(action, comment, executorId, deadline, files);
    }

    /** The same step with this comment. */
    public TransitionRequest withComment(String text) {
        return new TransitionRequest(action, text, executorId, deadline, photos);
    }
}
