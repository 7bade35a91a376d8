package ua.hromada.gis.api;

import java.util.List;
import java.util.Optional;

import ua.hromada.portal.api.PortalUser;

/**
 * Photos and files of the objects. Reading needs the object's layer to be visible to the user,
 * attaching and removing needs {@link GisLayers#canEdit}; both are audited. Refusals are
 * {@link GisException}s (INVALID: empty or too large a file, FORBIDDEN, NOT_FOUND).
 */
@org.osgi.annotation.versioning.ProviderType
public interface GisAttachments {

    /** The largest file accepted, in bytes. */
    long maxBytes();

    /** The object's attachments, oldest first (also of a deleted object). */
    List<Attachment> attachments(PortalUser user, long featureId);

    Attachment attach(PortalUser user, long featureId, String fileName, byte[] content);

    /** The attachment with its bytes, if the user may see its object. */
    Optional<Content> content(PortalUser user, long attachmentId);

    void remove(PortalUser user, long attachmentId);

    /** An attachment's bytes. */
    record Content(Attachment attachment, byte[] bytes) {
    }
}
