package ua.hromada.docsearch.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

import ua.hromada.docsearch.api.ActStatus;
import ua.hromada.docsearch.api.SearchQuery;
import ua.hromada.docsearch.service.DocsearchBench.Meta;
import ua.hromada.docsearch.service.DocsearchBench.Q;

/**
 * The cold pass's queries for {@link DocsearchBench}: queries neither side has been asked in the run,
 * made from the corpus and the generated acts with fixed seeds, so every run asks the same ones.
 */
final class DocsearchBenchCold {
    private DocsearchBenchCold() {
    }

    private static final Pattern WORD = Pattern.compile("[а-яіїєґ]{4,}");
    private static final org.apache.lucene.analysis.CharArraySet STOP_WORDS =
            org.apache.lucene.analysis.uk.UkrainianMorfologikAnalyzer.getDefaultStopwords();

    /** The words of a query, lower case and sorted: two queries with one key ask the same. */
    static String wordKey(String text) {
        return String.join(" ", new java.util.TreeSet<>(Arrays.asList(text.toLowerCase(Locale.ROOT)
                .replaceAll("[^а-яіїєґ'’\\d]+", " ").strip().split(" "))));
    }

    /**
     * {@code n} word queries neither side has been asked: one to three neighbouring words (four letters
     * or more) of a random corpus sentence, as people type them (lower case); none with the same words
     * as an earlier query of the run ({@code asked} grows). Stop words of the service's analyzer are
     * skipped: the service drops them while PostgreSQL's 'simple' configuration would search them.
     */
    private static List<String> newPhrases(List<String> sentences, int n, Random r, Set<String> asked) {
        List<String> list = new ArrayList<>();
        for (int tries = 0; list.size() < n; tries++) {
            if (tries > 100 * n) {
                throw new IllegalStateException("the corpus gave only " + list.size() + " of " + n + " new queries");
            }
            List<String> words = new ArrayList<>();
            var m = WORD.matcher(sentences.get(r.nextInt(sentences.size())).toLowerCase(Locale.ROOT));
            while (m.find()) {
                if (!STOP_WORDS.contains(m.group())) {
                    words.add(m.group());
                }
            }
            // mostly two words (as the curated set), some one- and three-word queries
            int len = switch (list.size() % 5) {
                case 0 -> 1;
                case 4 -> 3;
                default -> 2;
            };
            if (words.size() < len) {
                continue;
            }
            int at = r.nextInt(words.size() - len + 1);
            String phrase = String.join(" ", words.subList(at, at + len));
            if (asked.add(wordKey(phrase))) {
                list.add(phrase);
            }
        }
        return list;
    }

    static List<Q> keyword(List<String> sentences, int n, Set<String> asked) {
        return newPhrases(sentences, n, new Random(DocsearchBench.SEED + 2), asked).stream()
                .map(k -> new Q(k, SearchQuery.text(k), k, null, null, null, null, null, false)).toList();
    }

    /** New phrases with selections of the shapes of {@link DocsearchBench#filteredQueries()}, values drawn at random. */
    static List<Q> filtered(List<String> sentences, int n, Set<String> asked) {
        Random r = new Random(DocsearchBench.SEED + 3);
        String[] kinds = {"council-decision", "executive-decision", "mayor-order", "regulation", "programme"};
        ActStatus[] statuses = {ActStatus.IN_FORCE, ActStatus.LOST_FORCE, ActStatus.AMENDED};
        List<Q> list = new ArrayList<>();
        for (String k : newPhrases(sentences, n, r, asked)) {
            if (list.size() % 2 == 0) {
                String kind = kinds[r.nextInt(kinds.length)];
                int year = 2015 + r.nextInt(12);
                list.add(new Q(k + " | kind=" + kind + " year=" + year,
                        DocsearchBench.sq(k, Set.of(kind), Set.of(), Set.of(year), null, null), k, kind, year, null, null, null, false));
            } else {
                LocalDate from = LocalDate.of(2015 + r.nextInt(10), 1 + r.nextInt(12), 1);
                LocalDate to = from.plusMonths(6 + r.nextInt(19));
                ActStatus st = statuses[r.nextInt(statuses.length)];
                list.add(new Q(k + " | " + from + ".." + to + " status=" + st,
                        DocsearchBench.sq(k, Set.of(), Set.of(st), Set.of(), from, to), k, null, null, from, to, st.name(), false));
            }
        }
        return list;
    }

    /** {@code n} numbers of generated acts, typed as in {@link DocsearchBench#numberQueries()}, none asked before. */
    static List<Q> number(List<Meta> metas, int n, List<Q> warm) {
        Random r = new Random(DocsearchBench.SEED + 4);
        Set<String> asked = new java.util.HashSet<>();
        warm.forEach(q -> asked.add(ActNumbers.parseQuery(q.text()).orElseThrow().normalizedNumber()));
        List<Q> list = new ArrayList<>();
        for (int tries = 0; list.size() < n; tries++) {
            if (tries > 100 * n) {
                throw new IllegalStateException("only " + list.size() + " of " + n + " new numbers");
            }
            Meta m = metas.get(5 + r.nextInt(metas.size() - 5));
            String text = DocsearchBench.typed(m, list.size());
            // one number typed two ways is one query (the same postings and B-tree entries)
            if (!asked.add(ActNumbers.parseQuery(text).orElseThrow().normalizedNumber())) {
                continue;
            }
            list.add(new Q(text, SearchQuery.text(text), text, null, null, null, null, null, true));
        }
        return list;
    }
}
