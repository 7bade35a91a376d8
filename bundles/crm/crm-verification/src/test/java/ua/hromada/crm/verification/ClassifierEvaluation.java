package ua.hromada.crm.verification;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import ua.hromada.crm.api.LabelScore;
import ua.hromada.crm.api.LabelledRequest;
import ua.hromada.crm.api.RequestModel;

/**
 * The routing benchmark's data and figures: the shipped seed (crm-service routing/seed-requests.tsv)
 * and the labelled requests made for the test (bench/crm/classifier-requests.tsv, its header says how),
 * precision and recall per unit and macro-F1 on the held-out part.
 */
final class ClassifierEvaluation {

    /** One labelled request of the benchmark set. */
    record Example(boolean train, String unit, String service, String text) {
        LabelledRequest labelled() {
            return new LabelledRequest(text, service);
        }
    }

    /** Precision and recall of one unit. */
    record UnitScore(String unit, int support, double precision, double recall) {
        double f1() {
            return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        }
    }

    /** The figures of one model on the held-out part. */
    record Result(List<UnitScore> units, double macroF1, double serviceAccuracy, int examples) {
    }

    private ClassifierEvaluation() {
    }

    static List<LabelledRequest> seed() throws IOException {
        try (InputStream in = ClassifierEvaluation.class.getClassLoader().getResourceAsStream("routing/seed-requests.tsv")) {
            if (in == null) {
                throw new IOException("routing/seed-requests.tsv is not on the class path (crm-service)");
            }
            List<LabelledRequest> seed = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] f = line.split("\t");
                if (!line.startsWith("#") && f.length == 3) {
                    seed.add(new LabelledRequest(f[2].strip(), f[0].strip()));
                }
            }
            return seed;
        }
    }

    static Path repositoryFile(String relative) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve(relative))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException(relative + " not found above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve(relative);
    }

    static List<Example> examples() throws IOException {
        List<Example> all = new ArrayList<>();
        for (String line : Files.readAllLines(repositoryFile("bench/crm/classifier-requests.tsv"))) {
            String[] f = line.split("\t");
            if (!line.startsWith("#") && f.length == 4) {
                all.add(new Example("train".equals(f[0]), f[1], f[2], f[3]));
            }
        }
        return all;
    }

    static Result evaluate(RequestModel model, List<Example> examples) {
        Map<String, String> unitOf = new LinkedHashMap<>();
        examples.forEach(e -> unitOf.put(e.service(), e.unit()));
        TreeSet<String> units = new TreeSet<>(unitOf.values());
        Map<String, int[]> counts = new LinkedHashMap<>(); // unit → {true positives, predicted, actual}
        units.forEach(u -> counts.put(u, new int[3]));
        int heldOut = 0;
        int servicesRight = 0;
        for (Example e : examples) {
            if (e.train()) {
                continue;
            }
            heldOut++;
            List<LabelScore> best = model.classify(e.text(), 1);
            String service = best.isEmpty() ? "" : best.get(0).label();
            String unit = unitOf.getOrDefault(service, "");
            counts.get(e.unit())[2]++;
            if (counts.containsKey(unit)) {
                counts.get(unit)[1]++;
            }
            if (unit.equals(e.unit())) {
                counts.get(unit)[0]++;
            }
            if (service.equals(e.service())) {
                servicesRight++;
            }
        }
        List<UnitScore> scores = new ArrayList<>();
        for (var entry : counts.entrySet()) {
            int[] c = entry.getValue();
            scores.add(new UnitScore(entry.getKey(), c[2], c[1] == 0 ? 0 : (double) c[0] / c[1],
                    c[2] == 0 ? 0 : (double) c[0] / c[2]));
        }
        double macro = scores.stream().mapToDouble(UnitScore::f1).average().orElse(0);
        return new Result(scores, macro, heldOut == 0 ? 0 : (double) servicesRight / heldOut, model.examples());
    }
}
