package ua.hromada.docsearch.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.PostingsFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import ua.hromada.docsearch.service.index.DocAnalyzer;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalyzerAndNumbersTest {
    private DocAnalyzer analyzer;

    @BeforeAll
    void open() {
        analyzer = new DocAnalyzer();
    }

    @AfterAll
    void close() {
        analyzer.close();
    }

    private List<Set<String>> lemmas(String text) throws IOException {
        List<Set<String>> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("body", new StringReader(text))) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute inc = ts
                    .addAttribute(org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                if (inc.getPositionIncrement() > 0 || out.isEmpty()) {
                    out.add(new HashSet<>());
                }
                out.get(out.size() - 1).add(term.toString());
            }
            ts.end();
        }
        return out;
    }

    /** Every word of {@code a} shares a lemma with the word at the same position of {@code b}. */
    private void assertSameWords(String a, String b) throws IOException {
        List<Set<String>> la = lemmas(a);
        List<Set<String>> lb = lemmas(b);
        assertEquals(la.size(), lb.size(), a + " / " + b + ": " + la + " " + lb);
        for (int i = 0; i < la.size(); i++) {
            Set<String> common = new HashSet<>(la.get(i));
            common.retainAll(lb.get(i));
            assertFalse(common.isEmpty(), a + " / " + b + " at " + i + ": " + la + " " + lb);
        }
    }

    @Test
    void inflectedFormsShareLemmas() throws IOException {
        assertSameWords("відкритих даних", "відкриті дані");
        assertSameWords("програми інформатизації", "програма інформатизації");
        assertSameWords("рішенням міської ради", "рішення міська рада");
    }

    @Test
    void apostrophesAndGheAreFolded() throws IOException {
        assertEquals(lemmas("м'ясо"), lemmas("м’ясо"));
        assertEquals(lemmas("м'ясо"), lemmas("мʼясо"));
        assertEquals(lemmas("об'єкт"), lemmas("об’єкта"));
        assertEquals(lemmas("ґудзик"), lemmas("гудзик"));
        assertEquals(lemmas("Ґанок"), lemmas("ганок"));
    }

    @Test
    void luceneSpiWorksWithAForeignContextClassLoader() {
        Thread t = Thread.currentThread();
        ClassLoader previous = t.getContextClassLoader();
        // as in OSGi: the caller's TCCL sees none of Lucene's META-INF/services
        t.setContextClassLoader(new URLClassLoader(new URL[0], null));
        try {
            assertNotNull(Codec.forName(Codec.getDefault().getName()));
            assertNotNull(PostingsFormat.forName("Lucene912"));
            assertTrue(lemmas("програми").stream().anyMatch(s -> s.contains("програма")));
        } catch (IOException e) {
            throw new AssertionError(e);
        } finally {
            t.setContextClassLoader(previous);
        }
    }

    @Test
    void numbersAreNormalised() {
        for (String n : List.of("790", "№ 790", "№790", "N790", "N 790", "No 790", "No. 790", "#790", " 790 ", "№  790.")) {
            assertEquals("790", ActNumbers.normalize(n), n);
        }
        assertEquals("1/06-2-2216", ActNumbers.normalize("№ 1/06-2-2216"));
        assertEquals("1/06-2-2216", ActNumbers.normalize("1/06–2–2216"));
        assertEquals("12-р", ActNumbers.normalize("№ 12-Р"));
        assertEquals("нг-12", ActNumbers.normalize("НГ-12"));
    }

    @Test
    void numberQueriesAreRecognised() {
        var q = ActNumbers.parseQuery("790 від 26.04.2024").orElseThrow();
        assertEquals("790", q.normalizedNumber());
        assertEquals(LocalDate.of(2024, 4, 26), q.date());
        assertEquals(LocalDate.of(2024, 4, 26), ActNumbers.parseQuery("№ 790 від 2024-04-26").orElseThrow().date());
        assertEquals(LocalDate.of(2024, 4, 26), ActNumbers.parseQuery("N790 від 26.04.2024 р.").orElseThrow().date());
        assertEquals("790", ActNumbers.parseQuery("№ 790").orElseThrow().normalizedNumber());
        assertEquals(null, ActNumbers.parseQuery("No 790").orElseThrow().date());
        assertTrue(ActNumbers.parseQuery("програма інформатизації").isEmpty());
        assertTrue(ActNumbers.parseQuery("790 від 31.02.2024").isEmpty(), "impossible date");
        assertTrue(ActNumbers.parseQuery("").isEmpty());
    }
}
