package ua.hromada.crm.verification;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import ua.hromada.crm.api.LabelledRequest;
import ua.hromada.crm.verification.ClassifierEvaluation.Example;
import ua.hromada.crm.verification.ClassifierEvaluation.Result;
import ua.hromada.crm.verification.ClassifierEvaluation.UnitScore;

/**
 * Writes the classification section of bench/results/crm.md (between its markers, the rest of the
 * file left as it is): both of Lucene's classifiers, each trained on the shipped seed only and then
 * with the confirmed (train) routings added, measured on the held-out requests. Run by
 * bench/crm/classifier.sh.
 */
public final class ClassifierBench {
    static final String START = "<!-- classifier:start -->";
    static final String END = "<!-- classifier:end -->";

    private ClassifierBench() {
    }

    public static void main(String[] args) throws Exception {
        List<Example> examples = ClassifierEvaluation.examples();
        List<LabelledRequest> seed = ClassifierEvaluation.seed();
        List<LabelledRequest> withConfirmed = new ArrayList<>(seed);
        examples.stream().filter(Example::train).map(Example::labelled).forEach(withConfirmed::add);
        long heldOut = examples.stream().filter(e -> !e.train()).count();

        StringBuilder md = new StringBuilder(START).append("\n## Routing classifier (verification part)\n\n");
        md.append("Command: `bench/crm/classifier.sh` (offline Maven build of crm-verification's test classes, then this")
                .append(" main; about a minute). Data: the shipped seed (").append(seed.size())
                .append(" requests made for the product from card wording, crm-service `routing/seed-requests.tsv`) and")
                .append(" `bench/crm/classifier-requests.tsv`, requests MADE FOR THE TEST from templates")
                .append(" (`bench/crm/classifier-set.py`): ").append(examples.size() - heldOut)
                .append(" train requests playing a community's confirmed routings, ").append(heldOut)
                .append(" held-out requests measured on, 12 services of 6 units. Precision and recall are per unit (the")
                .append(" provider role a suggestion hands the case to); macro-F1 is their F1 averaged over the units.\n\n");
        md.append("| classifier | trained on | examples | macro-F1 (units) | service accuracy |\n|---|---|---:|---:|---:|\n");
        Result best = null;
        for (LuceneRequestClassifier.Method method : LuceneRequestClassifier.Method.values()) {
            LuceneRequestClassifier classifier = new LuceneRequestClassifier(method);
            Result before = ClassifierEvaluation.evaluate(classifier.train(seed), examples);
            Result after = ClassifierEvaluation.evaluate(classifier.train(withConfirmed), examples);
            md.append(row(method, "seed only", before)).append(row(method, "seed + confirmed routings", after));
            if (method == LuceneRequestClassifier.Method.NAIVE_BAYES) {
                best = after;
            }
            classifier.close();
        }
        md.append(confidence(LuceneRequestClassifier.Method.NAIVE_BAYES, withConfirmed, examples, 0.6));
        md.append("\nPer unit, naive Bayes (the default, `routing.classifier`) on seed + confirmed routings:\n\n")
                .append("| unit | held-out requests | precision | recall | F1 |\n|---|---:|---:|---:|---:|\n");
        for (UnitScore s : best.units()) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %.3f | %.3f | %.3f |%n", s.unit(), s.support(),
                    s.precision(), s.recall(), s.f1()));
        }
        md.append(END).append('\n');
        Path results = ClassifierEvaluation.repositoryFile("bench/results").resolve("crm.md");
        String text = Files.exists(results) ? Files.readString(results, StandardCharsets.UTF_8) : "# ЦНАП CRM (issue 14): benchmarks\n\n";
        int start = text.indexOf(START);
        int end = text.indexOf(END);
        String updated = start >= 0 && end > start
                ? text.substring(0, start) + md.toString().strip() + text.substring(end + END.length())
                : text.stripTrailing() + "\n\n" + md;
        Files.writeString(results, updated, StandardCharsets.UTF_8);
        System.out.println(md);
    }

    private static String row(LuceneRequestClassifier.Method method, String trainedOn, Result r) {
        String name = method == LuceneRequestClassifier.Method.NAIVE_BAYES ? "SimpleNaiveBayesClassifier" : "KNearestNeighborClassifier (k 7)";
        return String.format(Locale.ROOT, "| %s | %s | %d | %.3f | %.3f |%n", name, trainedOn, r.examples(), r.macroF1(),
                r.serviceAccuracy());
    }

    /**
     * What the threshold does on the held-out requests: how many suggestions are confident and how
     * often a confident one names the right unit (the rest go to a person).
     */
    private static String confidence(LuceneRequestClassifier.Method method, List<LabelledRequest> training,
            List<Example> examples, double threshold) {
        LuceneRequestClassifier classifier = new LuceneRequestClassifier(method);
        var model = classifier.train(training);
        java.util.Map<String, String> unitOf = new java.util.HashMap<>();
        examples.forEach(e -> unitOf.put(e.service(), e.unit()));
        int heldOut = 0;
        int confident = 0;
        int confidentRight = 0;
        int otherRight = 0;
        for (Example e : examples) {
            if (e.train()) {
                continue;
            }
            heldOut++;
            var best = model.classify(e.text(), 1);
            boolean right = !best.isEmpty() && e.unit().equals(unitOf.get(best.get(0).label()));
            if (!best.isEmpty() && best.get(0).score() >= threshold) {
                confident++;
                confidentRight += right ? 1 : 0;
            } else {
                otherRight += right ? 1 : 0;
            }
        }
        classifier.close();
        return String.format(Locale.ROOT, "%nWith `routing.threshold` %.1f (naive Bayes, seed + confirmed routings): %d of %d"
                + " held-out suggestions are confident and %.1f %% of those name the right unit; the other %d are left to"
                + " a person (the suggestion was right for %d of them).%n", threshold, confident, heldOut,
                confident == 0 ? 0 : 100.0 * confidentRight / confident, heldOut - confident, otherRight);
    }
}
