package ua.hromada.oks.api;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import ua.hromada.portal.api.PortalUser;

/**
 * The violations and their workflow. Every method that takes an actor checks the actor's
 * permissions: executors see and act on only the violations sent to their organisation.
 * Failures are {@link OksException}s with a message key.
 */
@org.osgi.annotation.versioning.ProviderType
public interface Violations {

    /** Registers a violation as "Виявлено порушення" (urgent: "(терміново)") without an executor. */
    Violation register(PortalUser inspector, NewViolation violation);

    /** Largest photo accepted (etc/ua.hromada.oks.cfg, photo.max.size.mb): uploads are cut off there. */
    long photoMaxBytes();

    /**
     * Checks one photo exactly as registration and workflow steps will (JPEG/PNG by content, size,
     * megapixels, readable), so a form can refuse a file when it arrives rather than at saving.
     *
     * @throws OksException {@code INVALID}, naming the file and the reason
     */
    void checkPhoto(PhotoUpload photo);

    /**
     * Checks one file of a workflow step exactly as the step will: a photo as {@link #checkPhoto},
     * or a PDF document (by its content: a file named .pdf that is not one is refused as such).
     *
     * @throws OksException {@code INVALID}, naming the file and the reason
     */
    void checkStepFile(PhotoUpload file);

    /**
     * Registers a violation reported by a resident's app (Open311), as "Виявлено порушення"
     * without an executor; the journal author is the API.
     */
    Violation registerReported(NewViolation violation, Reporter reporter);

    /**
     * Applies one workflow step; refused with a clear reason when the state or role forbids it.
     * {@link OksException.Reason#CONFLICT} means the case's current state does not allow the step:
     * someone moved it since the actor's card was drawn (the message names the state it is in now).
     */
    Violation transition(PortalUser actor, long violationId, TransitionRequest request);

    /**
     * The actions the actor may take on the violation now (drives the card's buttons): the active
     * catalogue actions that may follow the case's last one and whose roles include the actor's.
     */
    List<WorkflowAction> allowedActions(PortalUser actor, long violationId);

    /** The card, if it exists and the actor may see it. */
    Optional<Violation> find(PortalUser actor, long violationId);

    /** The card for the public Open311 API (residents' apps read every case's public fields). */
    Optional<Violation> findPublic(long violationId);

    /** The journal, oldest first. */
    List<JournalEntry> journal(PortalUser actor, long violationId);

    /** A page of the violations the actor may see. */
    List<Violation> search(PortalUser actor, ViolationQuery query);

    long count(PortalUser actor, ViolationQuery query);

    /** Public read for the Open311 API: the query's filters, no visibility restriction. */
    List<Violation> searchPublic(ViolationQuery query);

    /** The latest journal rows the actor may see, newest first (the map's event list). */
    List<JournalEntry> latestEvents(PortalUser actor, int limit);

    /**
     * A step's file as served (a photo upright without metadata, a PDF as received) or a photo's
     * thumbnail (always JPEG; none for a PDF), if the actor may see its violation.
     */
    Optional<StoredPhoto> photo(PortalUser actor, long photoId, boolean thumbnail);

    /**
     * A photo as it was received, with its EXIF/XMP (GPS position, camera), if the actor may see its
     * violation and originals are kept ({@code photo.keep.original}); empty otherwise. For OKS users
     * only: nothing outside OKS serves it.
     */
    Optional<StoredPhoto> photoOriginal(PortalUser actor, long photoId);

    /** Overall counts for the dashboard widget. */
    Summary summary(PortalUser actor);

    /**
     * The list's filter of {@link Summary#awaitingConfirmation()}: the cases whose last step is the
     * executor's report, so the dashboard's number opens the list of exactly what it counts.
     */
    ViolationQuery awaitingConfirmation();

    /**
     * The inputs a step on a card takes and which of them are required.
     *
     * @param cardHasDeadline whether the violation already has a deadline (sending it then keeps
     *                        that one unless another is chosen)
     * @throws IllegalArgumentException for registration, which is no step of a card
     */
    StepInputs stepInputs(ActionKind step, boolean cardHasDeadline);

    /**
     * The inputs of the step of that key ({@link WorkflowAction#key()}), shipped or added by an
     * administrator, from its catalogue row.
     *
     * @throws IllegalArgumentException for registration, which is no step of a card, and for an unknown key
     */
    StepInputs stepInputs(String actionKey, boolean cardHasDeadline);

    /** The first day a deadline may be set to: the community's today (no deadline lies in the past). */
    LocalDate earliestDeadline();

    record Summary(long current, long overdue, long unassigned, long awaitingConfirmation) {
    }

    /** How long a violation waits in the last status before the analytics flags it. */
    Duration FIRST_AGE_MARK = Duration.ofDays(7);
    Duration SECOND_AGE_MARK = Duration.ofDays(30);
}
