package ua.hromada.docsearch.ui.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import ua.hromada.docsearch.api.ActDraft;
import ua.hromada.docsearch.api.ActStatus;
import ua.hromada.docsearch.api.LinkType;
import ua.hromada.docsearch.ui.api.MetadataParser.BadMetadata;

class MetadataParserTest {

    private final MetadataParser parser = new MetadataParser();

    private ActDraft parse(String json) {
        return parser.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    private BadMetadata refused(String json) {
        return assertThrows(BadMetadata.class, () -> parse(json));
    }

    @Test
    void readsAllFields() {
        ActDraft d = parse("""
                {"kind":"council-decision","number":"№ 812","date":"2025-03-14",
                 "title":"Про програму інформатизації","issuingBody":"Полтавська міська рада",
                 "convocation":8,"session":"45","status":"in_force","tags":["ІТ"," ", "бюджет"],
                 "links":[{"actId":7,"type":"amends"}],"unknown":"ignored"}""");
        assertEquals("council-decision", d.kindCode());
        assertEquals("№ 812", d.number());
        assertEquals(LocalDate.of(2025, 3, 14), d.date());
        assertEquals("Про програму інформатизації", d.title());
        assertEquals("Полтавська міська рада", d.issuingBody());
        assertEquals(8, d.convocation());
        assertEquals(45, d.session());
        assertEquals(ActStatus.IN_FORCE, d.status());
        assertEquals(Set.of("ІТ", "бюджет"), d.tags());
        assertEquals(List.of(new ActDraft.Link(7, LinkType.AMENDS)), d.links());
    }

    @Test
    void missingFieldsAreLeftToTheServiceToJudge() {
        ActDraft d = parse("{}");
        assertNull(d.title());
        assertNull(d.date());
        assertEquals(ActStatus.IN_FORCE, d.status());
    }

    @Test
    void malformedShapesAreRefusedPerField() {
        assertEquals(Set.of("metadata"), refused("not json").fields().keySet());
        assertEquals(Set.of("metadata"), refused("[1,2]").fields().keySet());
        BadMetadata e = refused("""
                {"date":"14.03.2025","convocation":"восьме","status":"valid","tags":"a,b","title":5,
                 "links":[{"actId":"x","type":"AMENDS"}]}""");
        assertEquals(Set.of("date", "convocation", "status", "tags", "title", "links"), e.fields().keySet());
    }

    @Test
    void contentDispositionKeepsUkrainianNames() {
        assertEquals("attachment; filename=\"_____.pdf\"; filename*=UTF-8''%D1%80%D1%96%D1%88%D0%B5%D0%BD.pdf",
                DocumentsApi.contentDisposition("рішен.pdf"));
        assertEquals("attachment; filename=\"a_b c.txt\"; filename*=UTF-8''a%22b%20c.txt",
                DocumentsApi.contentDisposition("a\"b c.txt"));
    }
}
