package ua.hromada.docsearch.service.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.QueryRescorer;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/**
 * The search's shortcuts give the answers of the plain Lucene way: the words found through the
 * match-only field and scored per field give the same documents with the same scores as the
 * per-field query alone (the query of indexes without that field), and the phrase boosts checked on
 * the best hits only give the scores and order of Lucene's {@code QueryRescorer}.
 */
class SameAnswersTest {
    private static final String[][] ACTS = {
            {"Про затвердження програми інформатизації громади", "Програма цифрового розвитку на 2024 рік.",
                    "Відділ цифрового розвитку"},
            {"Про бюджет громади", "Видатки на програми інформатизації та цифрову трансформацію.", "Фінансове управління"},
            {"Звіт про роботу відділу", "Підсумки роботи відділу за рік: файлова система, резервні копії.",
                    "Відділ інформатизації"},
            {"Про благоустрій", "Ремонт доріг і тротуарів.", "Управління житлово-комунального господарства"},
            {"Положення про Полтавщину", "Інформаційний портал громади розширює можливості.", null},
            {"Про цифрові послуги", "Файлові системи та їх монтування описано в додатку.", "Відділ цифрового розвитку"}};

    private static final List<String> QUERIES = List.of("програми інформатизації", "цифровий розвиток",
            "файлова система", "відділу", "цифровізація", "Полтавшина", "роботи відділів", "дороги",
            "програма розвитку", "розвитку цифрового", "відділ роботи");

    @Test
    void sameDocumentsAndScoresAsThePerFieldQuery() throws Exception {
        withIndex((searcher, queries) -> {
            for (String text : QUERIES) {
                ActQueries.TextQuery perField = queries.textQuery(searcher, text, false);
                ActQueries.TextQuery matched = queries.textQuery(searcher, text, true);
                assertInstanceOf(MatchThenScore.class, matched.match());
                TopDocs a = searcher.search(perField.match(), 100);
                TopDocs b = searcher.search(matched.match(), 100);
                assertEquals(a.totalHits.value, b.totalHits.value, text);
                assertArrayEquals(docs(a), docs(b), text);
                assertArrayEquals(scores(a), scores(b), text);
                assertTrue(a.totalHits.value > 0 || text.equals("дороги"), text + " finds something");
            }
        });
    }

    @Test
    void phraseBoostsAsLuceneRescorerGivesThem() throws Exception {
        withIndex((searcher, queries) -> {
            int boosted = 0;
            for (String text : QUERIES) {
                ActQueries.TextQuery q = queries.textQuery(searcher, text, true);
                if (q.proximity() == null) {
                    continue;
                }
                TopDocs first = searcher.search(q.match(), 100);
                for (int n : new int[] {first.scoreDocs.length, 2}) {
                    TopDocs lucene = QueryRescorer.rescore(searcher, copy(first), q.proximity(), 1, n);
                    TopDocs ours = PhraseRescore.rescore(searcher, copy(first), q.proximity(), n);
                    assertArrayEquals(docs(lucene), docs(ours), text);
                    assertArrayEquals(scores(lucene), scores(ours), text);
                    for (int i = 0; i < Math.min(n, first.scoreDocs.length); i++) {
                        boosted += ours.scoreDocs[i].score > scoreOf(first, ours.scoreDocs[i].doc) ? 1 : 0;
                    }
                }
            }
            assertTrue(boosted > 0, "some hits have their words together");
        });
    }

    private interface IndexWork {
        void run(IndexSearcher searcher, ActQueries queries) throws Exception;
    }

    private static void withIndex(IndexWork work) throws Exception {
        DocAnalyzer analyzer = new DocAnalyzer();
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
            try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
                ActDocuments documents = new ActDocuments();
                for (int i = 0; i < ACTS.length; i++) {
                    w.addDocument(documents.document(new IndexedAct(i + 1, "council-decision", "Рішення ради",
                            Integer.toString(100 + i), Integer.toString(100 + i), LocalDate.of(2024, 1, 1 + i),
                            ACTS[i][0], ACTS[i][2], "IN_FORCE", List.of("цифровізація"), ACTS[i][1], null, null)));
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                work.run(new IndexSearcher(reader), new ActQueries(analyzer));
            }
        } finally {
            analyzer.close();
        }
    }

    private static TopDocs copy(TopDocs t) {
        ScoreDoc[] docs = new ScoreDoc[t.scoreDocs.length];
        for (int i = 0; i < docs.length; i++) {
            docs[i] = new ScoreDoc(t.scoreDocs[i].doc, t.scoreDocs[i].score);
        }
        return new TopDocs(t.totalHits, docs);
    }

    private static float scoreOf(TopDocs t, int doc) {
        return Arrays.stream(t.scoreDocs).filter(d -> d.doc == doc).findFirst().orElseThrow().score;
    }

    private static int[] docs(TopDocs t) {
        return Arrays.stream(t.scoreDocs).mapToInt(d -> d.doc).toArray();
    }

    private static float[] scores(TopDocs t) {
        float[] s = new float[t.scoreDocs.length];
        for (int i = 0; i < s.length; i++) {
            ScoreDoc d = t.scoreDocs[i];
            s[i] = d.score;
        }
        return s;
    }
}
