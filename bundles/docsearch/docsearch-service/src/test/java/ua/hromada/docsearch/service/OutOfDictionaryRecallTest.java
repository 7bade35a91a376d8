package ua.hromada.docsearch.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.morfologik.MorphosyntacticTagsAttribute;
import org.apache.lucene.analysis.uk.UkrainianMorfologikAnalyzer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import ua.hromada.docsearch.api.ActDraft;
import ua.hromada.docsearch.api.ActStatus;
import ua.hromada.docsearch.api.FileUpload;
import ua.hromada.docsearch.api.SearchQuery;
import ua.hromada.docsearch.api.SearchResult;
import ua.hromada.docsearch.service.index.UkrainianSuffixStemmer;
import ua.hromada.portal.api.jobs.JobProgress;

/**
 * Words the morphological dictionary does not know (checked below: Lucene's Ukrainian analyzer
 * gives them no lemma) are found from the nominative in the other case forms the acts hold, through the suffix
 * stemmer; an index built before that analysis is rebuilt when opened.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutOfDictionaryRecallTest {
    private static final long MB = 1024 * 1024;
    /** Nominative query → the act text holding the word only in other forms. */
    private static final Map<String, String> TEXTS = new LinkedHashMap<>();

    static {
        TEXTS.put("релокація", "Порядок надання допомоги підприємствам щодо релокації виробництва та контролю за релокацією.");
        TEXTS.put("Машівщина", "Звіт про стан доріг Машівщини і заходи на Машівщині протягом року.");
        TEXTS.put("укриттєвий", "Облаштування укриттєвих приміщень та укриттєвого фонду закладів освіти.");
        TEXTS.put("ковідний", "Виплати медичним працівникам ковідних відділень за ковідною програмою.");
        TEXTS.put("терммодернізація", "Кошти на терммодернізацію будівель; звіт щодо терммодернізації шкіл.");
        TEXTS.put("релокований", "Реєстр релокованих підприємств і допомога релокованому бізнесу.");
    }

    private TestSetup setup;
    private Path indexDir;
    private LegalActRegistryImpl service;
    private final Map<String, Long> acts = new LinkedHashMap<>();

    @BeforeAll
    void start() {
        setup = new TestSetup();
        indexDir = setup.newDir();
        service = setup.service(indexDir, 20 * MB);
        int n = 1;
        for (Map.Entry<String, String> e : TEXTS.entrySet()) {
            acts.put(e.getKey(), service.create(new ActDraft("other", "OOV-" + n++, LocalDate.of(2025, 3, 1),
                    "Акт " + n, null, null, null, ActStatus.IN_FORCE, Set.of(), List.of()),
                    List.of(new FileUpload("text.txt", e.getValue().getBytes(StandardCharsets.UTF_8))),
                    Fixtures.editor("olena")).id());
        }
    }

    @AfterAll
    void stop() {
        setup.close();
    }

    @Test
    void theQueryWordsAreOutOfTheDictionary() throws IOException {
        try (UkrainianMorfologikAnalyzer plain = new UkrainianMorfologikAnalyzer()) {
            for (String word : TEXTS.keySet()) {
                try (TokenStream ts = plain.tokenStream("body", new StringReader(word))) {
                    MorphosyntacticTagsAttribute tags = ts.addAttribute(MorphosyntacticTagsAttribute.class);
                    ts.reset();
                    assertTrue(ts.incrementToken());
                    assertNull(tags.getTags(), word + " has a lemma: pick a word the dictionary lacks");
                    ts.end();
                }
            }
        }
    }

    @Test
    void nominativeFindsOtherCaseFormsOfWordsTheDictionaryLacks() {
        for (String query : TEXTS.keySet()) {
            assertFalse(TEXTS.get(query).toLowerCase().contains(query.toLowerCase()), "the text holds other forms only");
            SearchResult r = service.search(SearchQuery.text(query));
            assertEquals(List.of(acts.get(query)), r.hits().stream().map(SearchResult.Hit::id).toList(), query);
        }
        // and the other way round: an oblique form typed finds the act too
        assertEquals(List.of(acts.get("релокація")), service.search(SearchQuery.text("релокацією")).hits().stream()
                .map(SearchResult.Hit::id).toList());
    }

    @Test
    void stemmerFoldsCaseFormsAndLeavesOtherTokens() {
        for (String[] forms : new String[][] {
                {"співфінансування", "співфінансуванням", "співфінансувань", "співфінансуванні"},
                {"безбар'єрність", "безбар'єрності", "безбар'єрністю", "безбар'єрностей"},
                {"машівщина", "машівщини", "машівщиною", "машівщину"},
                {"укриттєвий", "укриттєвого", "укриттєвих", "укриттєвою", "укриттєва"}}) {
            for (String form : forms) {
                assertEquals(UkrainianSuffixStemmer.stem(forms[0]), UkrainianSuffixStemmer.stem(form), form);
            }
        }
        assertEquals("2024", UkrainianSuffixStemmer.stem("2024"));
        assertEquals("abc", UkrainianSuffixStemmer.stem("abc"));
        assertEquals("зсу", UkrainianSuffixStemmer.stem("зсу"), "three letters stay whole");
    }

    @Test
    void anIndexOfAnOlderAnalysisIsRebuiltWhenOpened() throws IOException {
        assertEquals(0, service.rebuildIfOutOfStep(), "built with today's analysis");
        service.deactivate();
        // what an index written before analysis versions looks like: no version in its commit data
        try (Stream<Path> files = Files.walk(indexDir)) {
            for (Path generation : files.filter(p -> p.getFileName().toString().startsWith("segments_"))
                    .map(Path::getParent).distinct().toList()) {
                try (Directory dir = FSDirectory.open(generation);
                        IndexWriter w = new IndexWriter(dir, new IndexWriterConfig()
                                .setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
                    w.setLiveCommitData(Map.<String, String>of().entrySet());
                    w.commit();
                }
            }
        }
        LegalActRegistryImpl reopened = setup.service(indexDir, 20 * MB);
        // opened at its first use with the old analysis, rebuilt; the nominative finds the act again
        assertEquals(List.of(acts.get("Машівщина")), reopened.search(SearchQuery.text("Машівщина")).hits().stream()
                .map(SearchResult.Hit::id).toList());
        assertEquals(0, reopened.rebuildIfOutOfStep(), "in step since");
        assertEquals(TEXTS.size(), reopened.reindex(JobProgress.NONE));
        service = reopened;
    }
}
