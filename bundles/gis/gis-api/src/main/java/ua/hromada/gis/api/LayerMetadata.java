package ua.hromada.gis.api;

import java.time.LocalDate;

/**
 * Where a layer's data come from (shown in the registry and published with open data).
 *
 * @param source          who made the data, e.g. «Управління містобудування»
 * @param sourceDate      the data's date
 * @param licence         e.g. «CC BY 4.0»
 * @param updateFrequency e.g. «щомісяця»
 */
public record LayerMetadata(String source, LocalDate sourceDate, String licence, String updateFrequency) {

    public static LayerMetadata none() {
        return new LayerMetadata(null, null, null, null);
    }
}
