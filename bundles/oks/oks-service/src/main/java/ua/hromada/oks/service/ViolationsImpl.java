package ua.hromada.oks.service;

import static ua.hromada.portal.api.PortalException.Reason.CONFLICT;
import static ua.hromada.portal.api.PortalException.Reason.FORBIDDEN;
import static ua.hromada.portal.api.PortalException.Reason.INVALID;
import static ua.hromada.portal.api.PortalException.Reason.NOT_FOUND;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ua.hromada.oks.api.ActionEffect;
import ua.hromada.oks.api.ActionKind;
import ua.hromada.oks.api.JournalEntry;
import ua.hromada.oks.api.NewViolation;
import ua.hromada.oks.api.OksException;
import ua.hromada.oks.api.OksLimits;
import ua.hromada.oks.api.PhotoInfo;
import ua.hromada.oks.api.PhotoUpload;
import ua.hromada.oks.api.Reporter;
import ua.hromada.oks.api.StatusGroup;
import ua.hromada.oks.api.StepInputs;
import ua.hromada.oks.api.StepInputs.Input;
import ua.hromada.oks.api.StoredPhoto;
import ua.hromada.oks.api.TransitionRequest;
import ua.hromada.oks.api.Urgency;
import ua.hromada.oks.api.Violation;
import ua.hromada.oks.api.ViolationListener;
import ua.hromada.oks.api.ViolationQuery;
import ua.hromada.oks.api.Violations;
import ua.hromada.oks.api.ViolationType;
import ua.hromada.oks.api.Violator;
import ua.hromada.oks.api.WorkflowAction;
import ua.hromada.portal.api.PortalSettings;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.jobs.Job;
import ua.hromada.portal.api.jobs.JobTask;
import ua.hromada.portal.api.jobs.Jobs;

/**
 * Violations and their workflow over JDBC + PostGIS (schema {@code oks}). One call is one
 * transaction; a step locks its violation row, so two people cannot move one case at once.
 */
@Component(service = Violations.class, configurationPid = OksConfig.PID)
@Designate(ocd = OksConfig.class)
public class ViolationsImpl implements Violations {
    private static final Logger LOG = LoggerFactory.getLogger(ViolationsImpl.class);

    private final OksDatabase db;
    private final OksSettings settings;
    private final ViolationStore store = new ViolationStore();
    private final List<ViolationListener> listeners = new CopyOnWriteArrayList<>();
    /** Listeners are told on pool {@code oks.listeners}, one thread: in the order the steps were committed. */
    private final Jobs jobs;
    private volatile Job<Void> lastNotice;

    @Activate
    public ViolationsImpl(@Reference OksDatabase db, @Reference PortalSettings portal, @Reference Jobs jobs,
            OksConfig config) {
        this(db, OksSettings.of(config, portal.timeZone()), jobs);
    }

    ViolationsImpl(OksDatabase db, OksSettings settings, Jobs jobs) {
        this.db = db;
        this.settings = settings;
        this.jobs = jobs;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addListener(ViolationListener listener) {
        listeners.add(listener);
    }

    void removeListener(ViolationListener listener) {
        listeners.remove(listener);
    }

    @Deactivate
    void deactivate() {
        // the steps already committed are still told (up to 10 s): the last notice queued ends last
        Job<Void> last = lastNotice;
        if (last == null) {
            return;
        }
        try {
            last.result().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            LOG.debug("OKS listeners not all told before stopping", e);
        }
    }

    // ---------------------------------------------------------------- registration

    @Override
    public long photoMaxBytes() {
        return settings.photoMaxBytes();
    }

    @Override
    public void checkPhoto(PhotoUpload photo) {
        Photos.check(photo, Photos.Rules.of(settings, false));
    }

    @Override
    public void checkStepFile(PhotoUpload file) {
        Photos.check(file, Photos.Rules.of(settings, true));
    }

    @Override
    public Violation register(PortalUser inspector, NewViolation nv) {
        Access.require(Access.inspector(inspector));
        return create(nv, inspector.username(), displayName(inspector), null);
    }

    @Override
    public Violation registerReported(NewViolation nv, Reporter reporter) {
        String name = reporter == null ? "" : ((nz(reporter.firstName()) + " " + nz(reporter.lastName())).strip());
        return create(nv, ViolationStore.OPEN311_AUTHOR, name.isEmpty() ? "Open311" : "Open311: " + name, reporter);
    }

    private Violation create(NewViolation nv, String author, String authorName, Reporter reporter) {
        if (nv.latitude() == null || nv.longitude() == null) {
            throw new OksException(INVALID, "oks.error.locationRequired");
        }
        double lat = nv.latitude();
        double lon = nv.longitude();
        if (!(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180)) {
            throw new OksException(INVALID, "oks.error.locationInvalid");
        }
        if (!settings.inside(db.communities().current(), lat, lon)) {
            throw new OksException(INVALID, "oks.error.locationOutside");
        }
        String description = nz(nv.description()).strip();
        String address = nz(nv.address()).strip();
        if (description.isEmpty() && address.isEmpty()) {
            throw new OksException(INVALID, "oks.error.descriptionOrAddress");
        }
        if (description.length() > OksLimits.DESCRIPTION) {
            throw new OksException(INVALID, "oks.error.descriptionTooLong", OksLimits.DESCRIPTION);
        }
        if (address.length() > OksLimits.ADDRESS) {
            throw new OksException(INVALID, "oks.error.addressTooLong", OksLimits.ADDRESS);
        }
        Violator violator = Violators.checked(nv.violator());
        LocalDate today = today();
        LocalDate deadline = nv.deadline() != null ? nv.deadline()
                : today.plusDays(nv.urgency() == Urgency.URGENT ? settings.urgentDeadlineDays() : settings.defaultDeadlineDays());
        if (deadline.isBefore(today)) {
            throw new OksException(INVALID, "oks.error.deadlinePast");
        }
        List<Photos.Checked> photos = checkPhotos(nv.photos(), false);
        Instant now = db.clock().instant();
        long id = db.tx(c -> {
            ViolationType type = store.type(c, nv.typeId())
                    .orElseThrow(() -> new OksException(INVALID, "oks.error.typeRequired"));
            if (!type.active()) {
                throw new OksException(INVALID, "oks.error.typeInactive", type.name());
            }
            long vid = store.insert(c, new ViolationStore.NewRow(author, authorName, now, deadline, type.id(),
                    description, address, lat, lon, nv.urgency(), violator, reporter));
            ActionKind kind = nv.urgency() == Urgency.URGENT ? ActionKind.DETECTED_URGENT : ActionKind.DETECTED;
            store.appendStep(c, vid, now, author, authorName, kind, null, deadline, null, photos);
            return vid;
        });
        return committed(id);
    }

    // ---------------------------------------------------------------- workflow

    @Override
    public Violation transition(PortalUser actor, long violationId, TransitionRequest req) {
        if (req == null || req.action() == null || req.action().isBlank()) {
            throw new OksException(INVALID, "oks.error.actionRequired");
        }
        Access.require(Access.anyOks(actor));
        String next = req.action();
        String comment = blankToNull(req.comment());
        if (comment != null && comment.length() > OksLimits.COMMENT) {
            throw new OksException(INVALID, "oks.error.commentTooLong", OksLimits.COMMENT);
        }
        List<Photos.Checked> photos = checkPhotos(req.photos(), true);
        Instant now = db.clock().instant();
        LocalDate today = today();
        db.tx(c -> {
            Workflow workflow = new Workflow(OksCatalogImpl.actions(c));
            WorkflowAction action = workflow.action(next)
                    .orElseThrow(() -> new OksException(INVALID, "oks.error.actionUnknown"));
            if (action.effect() == ActionEffect.DETECT) {
                throw new OksException(CONFLICT, "oks.error.alreadyRegistered");
            }
            ViolationStore.Current cur = store.lockCurrent(c, violationId)
                    .orElseThrow(() -> new OksException(NOT_FOUND, "oks.error.notFound"));
            boolean member = cur.executorId() != null && store.isMember(c, cur.executorId(), actor.username());
            if (!Access.seesAll(actor) && !member) {
                throw new OksException(NOT_FOUND, "oks.error.notFound");
            }
            if (!action.active()) {
                // switched off by an administrator after the card offered it
                throw new OksException(CONFLICT, "oks.error.actionInactive", action.name());
            }
            if (!workflow.follows(cur.key(), next)) {
                // the actor's card offered the step, so the case moved on meanwhile: say where it is now
                WorkflowAction current = workflow.action(cur.key()).orElseThrow();
                throw new OksException(CONFLICT, "oks.error.transition", action.name(),
                        current.displayCode() + " " + current.name());
            }
            Workflow.Actor who = new Workflow.Actor(Access.inspector(actor), Access.admin(actor),
                    member && Access.executor(actor));
            if (!workflow.permitted(cur.key(), next, who)) {
                throw new OksException(FORBIDDEN, "oks.error.transitionRole", action.name());
            }
            StepInputs form = workflow.inputs(next, cur.deadline() != null);
            Long executor = cur.executorId();
            if (form.shows(Input.EXECUTOR) && (req.executorId() != null || form.requires(Input.EXECUTOR))) {
                executor = activeExecutor(c, req.executorId());
            }
            if (form.requires(Input.COMMENT)) {
                requireComment(comment);
            }
            LocalDate deadline = deadline(action, form, cur.deadline(), req.deadline(), today);
            requireFiles(form, photos);
            store.appendStep(c, violationId, now, actor.username(), displayName(actor), next, comment, deadline,
                    executor, photos);
            return null;
        });
        return committed(violationId);
    }

    /** The deadline in force after the step: the step's effect and inputs decide whether and how it moves. */
    private LocalDate deadline(WorkflowAction action, StepInputs form, LocalDate current, LocalDate asked, LocalDate today) {
        switch (action.effect()) {
            case ASSIGN -> {
                // given to an executor: the chosen deadline, else the card's, else the default term
                LocalDate d = asked != null ? asked : current != null ? current : today.plusDays(settings.defaultDeadlineDays());
                return asked != null || action.required().contains(Input.DEADLINE) ? notPast(d, today) : d;
            }
            case EXTEND -> {
                if (asked == null) {
                    throw new OksException(INVALID, "oks.error.deadlineRequired");
                }
                if (current != null && !asked.isAfter(current) || asked.isBefore(today)) {
                    throw new OksException(INVALID, "oks.error.deadlineNotLater");
                }
                return asked;
            }
            default -> {
                if (asked != null && form.shows(Input.DEADLINE)) {
                    return notPast(asked, today);
                }
                if (form.requires(Input.DEADLINE)) {
                    throw new OksException(INVALID, "oks.error.deadlineRequired");
                }
                return current;
            }
        }
    }

    /** A step that requires photos has at least one image, one that requires a document at least one PDF. */
    private static void requireFiles(StepInputs form, List<Photos.Checked> files) {
        if (form.requires(Input.PHOTOS) && files.stream().noneMatch(f -> !f.isDocument())) {
            throw new OksException(INVALID, "oks.error.photoRequired");
        }
        if (form.requires(Input.DOCUMENT) && files.stream().noneMatch(Photos.Checked::isDocument)) {
            throw new OksException(INVALID, "oks.error.documentRequired");
        }
    }

    /** The case as the committed step left it, told to the listeners. */
    private Violation committed(long violationId) {
        Violation v = findPublic(violationId).orElseThrow();
        publish(v);
        return v;
    }

    private static void requireComment(String comment) {
        if (comment == null) {
            throw new OksException(INVALID, "oks.error.commentRequired");
        }
    }

    private static LocalDate notPast(LocalDate d, LocalDate today) {
        if (d.isBefore(today)) {
            throw new OksException(INVALID, "oks.error.deadlinePast");
        }
        return d;
    }

    private long activeExecutor(Connection c, Long id) throws SQLException {
        if (id == null) {
            throw new OksException(INVALID, "oks.error.executorRequired");
        }
        Map.Entry<String, Boolean> org = store.executorState(c, id)
                .orElseThrow(() -> new OksException(INVALID, "oks.error.executorRequired"));
        if (!org.getValue()) {
            throw new OksException(INVALID, "oks.error.executorInactive", org.getKey());
        }
        return id;
    }

    @Override
    public List<WorkflowAction> allowedActions(PortalUser actor, long violationId) {
        if (!Access.anyOks(actor)) {
            return List.of();
        }
        return db.read(c -> {
            ViolationStore.Current cur = store.current(c, violationId).orElse(null);
            if (cur == null) {
                return List.<WorkflowAction>of();
            }
            boolean member = cur.executorId() != null && store.isMember(c, cur.executorId(), actor.username());
            if (!Access.seesAll(actor) && !member) {
                return List.<WorkflowAction>of();
            }
            Workflow.Actor who = new Workflow.Actor(Access.inspector(actor), Access.admin(actor),
                    member && Access.executor(actor));
            return new Workflow(OksCatalogImpl.actions(c)).next(cur.key(), who);
        });
    }

    // ---------------------------------------------------------------- reading

    @Override
    public Optional<Violation> find(PortalUser actor, long violationId) {
        if (!Access.anyOks(actor)) {
            return Optional.empty();
        }
        ViolationFilter f = ViolationFilter.visibility(actor).and("v.id = ?", List.of(violationId));
        return db.read(c -> store.list(c, f, "", 0, 1, today())).stream().findFirst();
    }

    @Override
    public Optional<Violation> findPublic(long violationId) {
        ViolationFilter f = ViolationFilter.visibility(null).and("v.id = ?", List.of(violationId));
        return db.read(c -> store.list(c, f, "", 0, 1, today())).stream().findFirst();
    }

    @Override
    public List<Violation> search(PortalUser actor, ViolationQuery query) {
        Access.require(Access.anyOks(actor));
        ViolationFilter f = filter(actor, query);
        return db.read(c -> store.list(c, f, ViolationFilter.orderBy(query.sort()), query.offset(), query.limit(), today()));
    }

    @Override
    public long count(PortalUser actor, ViolationQuery query) {
        Access.require(Access.anyOks(actor));
        return count(filter(actor, query));
    }

    long count(ViolationFilter f) {
        return db.read(c -> store.count(c, f));
    }

    @Override
    public List<Violation> searchPublic(ViolationQuery query) {
        ViolationFilter f = filter(null, query);
        return db.read(c -> store.list(c, f, ViolationFilter.orderBy(query.sort()), query.offset(), query.limit(), today()));
    }

    @Override
    public List<JournalEntry> journal(PortalUser actor, long violationId) {
        if (find(actor, violationId).isEmpty()) {
            throw new OksException(NOT_FOUND, "oks.error.notFound");
        }
        return db.read(c -> store.journal(c, violationId));
    }

    @Override
    public List<JournalEntry> latestEvents(PortalUser actor, int limit) {
        Access.require(Access.anyOks(actor));
        int n = Math.max(1, Math.min(limit, 200));
        String executor = Access.seesAll(actor) ? null : actor.username();
        return db.read(c -> store.latest(c, executor, n));
    }

    @Override
    public Optional<StoredPhoto> photo(PortalUser actor, long photoId, boolean thumbnail) {
        return storedPhoto(actor, photoId, thumbnail ? PhotoStore.Variant.THUMBNAIL : PhotoStore.Variant.SERVED);
    }

    @Override
    public Optional<StoredPhoto> photoOriginal(PortalUser actor, long photoId) {
        return storedPhoto(actor, photoId, PhotoStore.Variant.ORIGINAL);
    }

    private Optional<StoredPhoto> storedPhoto(PortalUser actor, long photoId, PhotoStore.Variant variant) {
        Optional<PhotoStore.Row> row = db.read(c -> PhotoStore.read(c, photoId, variant));
        if (row.isEmpty() || row.get().bytes() == null || find(actor, row.get().violationId()).isEmpty()) {
            return Optional.empty();
        }
        PhotoInfo info = row.get().info();
        return Optional.of(new StoredPhoto(info, variant.contentType(info), row.get().bytes()));
    }

    // ---------------------------------------------------------------- summary

    @Override
    public Summary summary(PortalUser actor) {
        Access.require(Access.anyOks(actor));
        ViolationFilter f = filter(actor, ViolationQuery.current());
        LocalDate today = today();
        return db.read(c -> store.summary(c, f, today));
    }

    @Override
    public ViolationQuery awaitingConfirmation() {
        // every action with the executor's report's effect, as the summary counts them
        return ViolationQuery.lastEffect(ActionEffect.REPORT);
    }

    @Override
    public StepInputs stepInputs(ActionKind step, boolean cardHasDeadline) {
        return stepInputs(step.name(), cardHasDeadline);
    }

    @Override
    public StepInputs stepInputs(String actionKey, boolean cardHasDeadline) {
        return new Workflow(db.read(OksCatalogImpl::actions)).inputs(actionKey, cardHasDeadline);
    }

    @Override
    public LocalDate earliestDeadline() {
        return today();
    }

    // ---------------------------------------------------------------- helpers

    private ViolationFilter filter(PortalUser actor, ViolationQuery query) {
        return ViolationFilter.of(actor, query, db.clock(), settings.zone(), db.read(OksCatalogImpl::actions));
    }

    private void publish(Violation v) {
        if (listeners.isEmpty()) {
            return;
        }
        Optional<JournalEntry> last = db.read(c -> store.lastEntry(c, v.id()));
        if (last.isEmpty()) {
            return;
        }
        JournalEntry entry = last.get();
        for (ViolationListener l : listeners) {
            // told in the community of the step: the listener reads and mails as that community
            lastNotice = jobs.submit("oks.listeners", "step of violation " + v.id(), JobTask.of(db.communities().bind(() -> {
                try {
                    l.stepCommitted(v, entry);
                } catch (RuntimeException e) {
                    LOG.warn("OKS listener {} failed for violation {}", l.getClass().getName(), v.id(), e);
                }
            })));
        }
    }

    /** A registration's photos ({@code documents} false) or a step's photos and PDFs. */
    private List<Photos.Checked> checkPhotos(List<PhotoUpload> uploads, boolean documents) {
        if (uploads.size() > OksLimits.PHOTOS) {
            throw new OksException(INVALID, "oks.error.tooManyPhotos", OksLimits.PHOTOS);
        }
        Photos.Rules rules = Photos.Rules.of(settings, documents);
        return uploads.stream().map(u -> Photos.check(u, rules)).toList();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(db.clock().instant(), settings.zone());
    }

    private static String displayName(PortalUser u) {
        return u.displayName() == null || u.displayName().isBlank() ? u.username() : u.displayName();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String blankToNull(String s) {
        return ViolationStore.blankToNull(s);
    }
}
