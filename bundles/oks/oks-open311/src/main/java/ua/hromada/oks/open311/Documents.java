package ua.hromada.oks.open311;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

import ua.hromada.oks.api.ActionEffect;
import ua.hromada.oks.api.Violation;
import ua.hromada.oks.api.ViolationType;
import ua.hromada.oks.open311.Document.Node;
import ua.hromada.oks.open311.Document.NodeList;
import ua.hromada.oks.open311.Document.ValueList;

/**
 * The spec's response documents built from the module's records, field by field in the spec's
 * order. Only public fields leave: no inspector, no reporter contact data, no violator.
 */
public final class Documents {

    private final Open311Config config;
    private final Texts texts;

    public Documents(Open311Config config, Texts texts) {
        this.config = config;
        this.texts = texts;
    }

    /** GET services: every violation type offered for new reports. */
    public Document services(List<ViolationType> types) {
        String group = config.serviceGroup() != null ? config.serviceGroup() : texts.get("open311.service.group");
        return Document.list("services", "service", types.stream().map(t -> new Node()
                .put("service_code", t.code())
                .put("service_name", t.name())
                .put("description", blankToNull(t.description()))
                .put("metadata", Boolean.FALSE)
                .put("type", "realtime")
                .put("keywords", config.keywords().get(t.code()))
                .put("group", group)).toList());
    }

    /** GET services/{code}: no extra attributes are asked for (metadata is false). */
    public Document serviceDefinition(ViolationType type) {
        return Document.object("service_definition", new Node()
                .put("service_code", type.code())
                .put("attributes", new NodeList("attribute", List.of())));
    }

    /** POST requests: the new request's id and what happens next. */
    public Document created(Violation violation) {
        return Document.list("service_requests", "request", List.of(new Node()
                .put("service_request_id", violation.id())
                .put("service_notice", texts.get("open311.notice.created"))
                .put("account_id", null)));
    }

    /** GET requests and GET requests/{id} (the latter a one-element list, as the spec shows). */
    public Document requests(List<Violation> violations) {
        return Document.list("service_requests", "request", violations.stream().map(this::request).toList());
    }

    private Node request(Violation v) {
        return new Node()
                .put("service_request_id", v.id())
                .put("status", status(v).wire())
                .put("status_notes", v.lastAction().name())
                .put("service_name", v.type().name())
                .put("service_code", v.type().code())
                .put("description", blankToNull(v.description()))
                .put("agency_responsible", v.executor() == null ? null : v.executor().name())
                .put("service_notice", texts.get("open311.notice." + v.group().name()))
                .put("requested_datetime", dateTime(v.createdAt()))
                .put("updated_datetime", dateTime(v.lastActionAt()))
                .put("expected_datetime", deadline(v.deadline()))
                .put("address", blankToNull(v.address()))
                .put("lat", v.latitude())
                .put("long", v.longitude());
    }

    /** Errors: {@code <errors><error><code/><description/></error></errors>}. */
    public static Document errors(int code, String description) {
        return Document.list("errors", "error", List.of(new Node().put("code", code).put("description", description)));
    }

    /**
     * docs/oks-workflow.md: "closed" after an action that confirms the fix or archives the case,
     * otherwise "open". By the catalogue's effect, so an action an administrator adds closes too.
     */
    public static Params.Status status(Violation v) {
        ActionEffect effect = v.lastAction().effect();
        return effect == ActionEffect.CONFIRM || effect == ActionEffect.ARCHIVE ? Params.Status.CLOSED
                : Params.Status.OPEN;
    }

    /**
     * GET discovery: this one endpoint, its formats and how to reach the council and get a key.
     *
     * @param changeset when this document last changed (the endpoint's configuration was applied)
     * @param url       the endpoint's address (…/api/open311/v2)
     */
    public Document discovery(Instant changeset, String url) {
        Open311Config.Discovery d = config.discovery();
        String when = dateTime(changeset);
        return Document.object("discovery", new Node()
                .put("changeset", when)
                .put("contact", d.contact())
                .put("key_service", d.keyService())
                .put("endpoints", new NodeList("endpoint", List.of(new Node()
                        .put("specification", SPECIFICATION)
                        .put("url", url)
                        .put("changeset", when)
                        .put("type", d.type())
                        .put("formats", new ValueList("format", List.of("text/xml", "application/json")))))));
    }

    /** What the discovery document names as the endpoint's specification. */
    static final String SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";

    /** W3C datetime with the jurisdiction's offset, whole seconds. */
    String dateTime(Instant instant) {
        return instant == null ? null
                : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.truncatedTo(ChronoUnit.SECONDS).atZone(config.zone())
                        .toOffsetDateTime());
    }

    /** The deadline is a day: the work is expected by the end of it. */
    String deadline(LocalDate day) {
        ZoneId zone = config.zone();
        return day == null ? null : dateTime(day.plusDays(1).atStartOfDay(zone).toInstant().minusSeconds(1));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
