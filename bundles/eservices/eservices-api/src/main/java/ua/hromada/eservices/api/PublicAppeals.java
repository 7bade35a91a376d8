package ua.hromada.eservices.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** The public appeals and their answers (confidential ones never), newest first. */
@ProviderType
public interface PublicAppeals {

    /**
     * {@code text} (null for all) matches the number, topic, text and answer as shown: personal data
     * hidden in them is not found either.
     */
    List<PublicAppeal> find(String text, int offset, int limit);

    int count(String text);
}
