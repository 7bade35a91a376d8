package ua.hromada.gis.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.vaadin.flow.router.QueryParameters;

import ua.hromada.gis.api.Layer;
import ua.hromada.gis.api.LayerMetadata;
import ua.hromada.gis.api.Visibility;
import ua.hromada.gis.service.GisTestSetup;
import ua.hromada.gis.ui.view.ViewerPermalink;
import ua.hromada.portal.api.SearchProvider.SearchHit;

/**
 * The public home page's layer search on the real registry: public layers only, every word in the
 * title, key or source, a hit opening the public map with that layer; and the map's address read.
 */
class PublicLayerSearchTest {
    private static final Locale UK = Locale.forLanguageTag("uk");
    private final GisTestSetup gis = new GisTestSetup();
    private final PublicLayerSearch search = new PublicLayerSearch(gis.layers());

    @AfterEach
    void close() {
        gis.close();
    }

    private Layer makePublic(String key, String source) {
        Layer l = gis.layer(key);
        return gis.layers().saveLayer(gis.admin, new Layer(l.id(), l.key(), l.groupId(), l.title(), l.geometryType(),
                l.attributes(), l.style(), l.ownerUnit(), Visibility.PUBLIC,
                new LayerMetadata(source, null, "CC BY 4.0", null), l.linkedLayerId(), l.version(), l.createdAt(),
                l.updatedAt()));
    }

    private List<String> routes(String words) {
        return search.search(words, 5, UK).stream().map(SearchHit::route).toList();
    }

    @Test
    void aPublicLayerIsFoundByItsTitleKeyOrSourceAndOpensThePublicMap() {
        makePublic("signage", "Управління містобудування");
        assertEquals(List.of(new SearchHit("Вивіски та рекламні засоби", "Управління містобудування",
                "karta?layers=gis.signage")), search.search("рекламні ВИВІСКИ", 5, UK));
        assertEquals(List.of("karta?layers=gis.signage"), routes("signage"));
        assertEquals(List.of("karta?layers=gis.signage"), routes("містобудування"));
        assertEquals(List.of(), routes("вивіски парки"), "every word must be there");
    }

    @Test
    void anEmployeesLayerIsNeverFound() {
        assertEquals(List.of(), routes("Вивіски"), "not public yet");
        assertEquals(List.of(), routes("спадщини"), "the heritage layers are the employees'");
        makePublic("heritage", null);
        assertEquals(List.of("karta?layers=gis.heritage"), routes("спадщини"));
        assertEquals(List.of(), routes("   "));
        assertEquals(List.of(), search.search("спадщини", 0, UK));
    }

    @Test
    void theMapsAddressNamesTheLayersItHas() {
        Set<String> known = Set.of("gis.signage", "gis.heritage");
        assertEquals(List.of("gis.signage"), ViewerPermalink.layers(new QueryParameters(Map.of("layers",
                List.of("gis.signage"))), known));
        assertEquals(List.of("gis.heritage", "gis.signage"), ViewerPermalink.layers(new QueryParameters(Map.of(
                "layers", List.of(" gis.heritage,gis.zones,gis.signage,gis.heritage"))), known),
                "an unknown layer is left out, a repeated one counted once");
        assertEquals(List.of(), ViewerPermalink.layers(QueryParameters.empty(), known));
    }
}
