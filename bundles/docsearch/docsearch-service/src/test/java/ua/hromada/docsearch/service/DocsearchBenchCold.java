package ua.hromada.docsearch.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import ua.hromada.docsearch.api.ActStatus;
import ua.hromada.docsearch.api.SearchQuery;
import ua.hromada.docsearch.service.DocsearchBench.Meta;
import ua.hromada.docsearch.service.DocsearchBench.Q;

/**
 * The cold pass's queries for {@link DocsearchBench}: queries neither side has been asked in the run,
 * made from the corpus and the generated acts with fixed seeds, so every run asks the same ones; and the
 * cold pass's warm-up: other queries drawn the same way (another seed), asked on both sides before the
 * timed ones, so the timed queries find the code of their shapes compiled and measure the new query only.
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

    /** Seeds of the timed cold lists (as before the warm-up existed: the same queries as earlier runs). */
    static final long KEYWORD_SEED = DocsearchBench.SEED + 2;
    static final long FILTERED_SEED = DocsearchBench.SEED + 3;
    static final long NUMBER_SEED = DocsearchBench.SEED + 4;
    /** Added to a timed list's seed for its warm-up list. */
    static final long WARM_UP_SEED = 10;

    static List<Q> keyword(List<String> sentences, int n, Set<String> asked, long seed) {
        return newPhrases(sentences, n, new Random(seed), asked).stream()
                .map(k -> new Q(k, SearchQuery.text(k), k, null, null, null, null, null, false)).toList();
    }

    /** New phrases with selections of the shapes of {@link DocsearchBench#filteredQueries()}, values drawn at random. */
    static List<Q> filtered(List<String> sentences, int n, Set<String> asked, long seed) {
        Random r = new Random(seed);
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

    /** The normalised numbers of number queries: the {@code asked} set of {@link #number}. */
    static Set<String> numbersOf(List<Q> queries) {
        Set<String> asked = new java.util.HashSet<>();
        queries.forEach(q -> asked.add(ActNumbers.parseQuery(q.text()).orElseThrow().normalizedNumber()));
        return asked;
    }

    /**
     * {@code n} numbers of generated acts, typed as in {@link DocsearchBench#numberQueries()}, none in
     * {@code asked} (normalised numbers, see {@link #numbersOf}; it grows).
     */
    static List<Q> number(List<Meta> metas, int n, Set<String> asked, long seed) {
        Random r = new Random(seed);
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

    /**
     * The cold pass's warm-up: every query of {@code qs} on side {@code a} then on side {@code b}, cycling
     * through the list until each was asked once and {@code seconds} have passed; untimed, answers dropped.
     * Both sides get the same queries the same number of times.
     *
     * @return how many queries each side was asked
     */
    static int warmUp(List<Q> qs, Function<Q, DocsearchBench.Run> a, Function<Q, DocsearchBench.Run> b,
            double seconds) throws Exception {
        long until = System.nanoTime() + (long) (seconds * 1e9);
        int i = 0;
        for (; i < qs.size() || System.nanoTime() < until; i++) {
            Q q = qs.get(i % qs.size());
            a.apply(q).call();
            b.apply(q).call();
        }
        return i;
    }
}
