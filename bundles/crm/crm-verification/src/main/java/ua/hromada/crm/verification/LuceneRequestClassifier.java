package ua.hromada.crm.verification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

import org.apache.lucene.classification.Classifier;
import org.apache.lucene.classification.KNearestNeighborClassifier;
import org.apache.lucene.classification.SimpleNaiveBayesClassifier;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

import ua.hromada.crm.api.LabelScore;
import ua.hromada.crm.api.LabelledRequest;
import ua.hromada.crm.api.RequestClassifier;
import ua.hromada.crm.api.RequestModel;

/**
 * Lucene's classification module over an in-memory index of the examples, analysed in Ukrainian
 * ({@link ClassifierAnalyzer}): naive Bayes by default (it scored better on the held-out requests,
 * bench/results/crm.md), k nearest neighbours on request.
 */
@Component(service = RequestClassifier.class, configurationPid = EnginesConfig.PID)
public class LuceneRequestClassifier implements RequestClassifier {
    static final String TEXT = "text";
    static final String LABEL = "label";

    /** The algorithm of Lucene's classification module. */
    public enum Method {
        NAIVE_BAYES, KNN;

        static Method of(String value) {
            return switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "knn" -> KNN;
                case "naive-bayes", "" -> NAIVE_BAYES;
                default -> throw new IllegalArgumentException("routing.classifier: " + value + " is neither naive-bayes nor knn");
            };
        }
    }

    private final Method method;
    private final ClassifierAnalyzer analyzer = new ClassifierAnalyzer();

    @Activate
    public LuceneRequestClassifier(EnginesConfig config) {
        this(Method.of(config.routing_classifier()));
    }

    public LuceneRequestClassifier(Method method) {
        this.method = method;
    }

    @Deactivate
    void close() {
        analyzer.close();
    }

    @Override
    public RequestModel train(List<LabelledRequest> examples) {
        List<LabelledRequest> usable = examples.stream()
                .filter(e -> e.text() != null && !e.text().isBlank() && e.label() != null && !e.label().isBlank())
                .toList();
        if (usable.isEmpty()) {
            return new Model(null, 0);
        }
        try {
            ByteBuffersDirectory directory = new ByteBuffersDirectory();
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
                for (LabelledRequest e : usable) {
                    Document doc = new Document();
                    doc.add(new TextField(TEXT, e.text(), Field.Store.NO));
                    doc.add(new StringField(LABEL, e.label(), Field.Store.YES));
                    writer.addDocument(doc);
                }
            }
            DirectoryReader reader = DirectoryReader.open(directory);
            Classifier<BytesRef> classifier = switch (method) {
                case NAIVE_BAYES -> new SimpleNaiveBayesClassifier(reader, analyzer, null, LABEL, TEXT);
                // few examples per label: every term counts (MoreLikeThis's defaults drop rare ones)
                case KNN -> new KNearestNeighborClassifier(reader, new BM25Similarity(), analyzer, null, 7, 1, 1, LABEL, TEXT);
            };
            return new Model(classifier, usable.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A trained classifier; Lucene's classifiers keep per-call state, so one text at a time. */
    private static final class Model implements RequestModel {
        private final Classifier<BytesRef> classifier;
        private final int examples;

        Model(Classifier<BytesRef> classifier, int examples) {
            this.classifier = classifier;
            this.examples = examples;
        }

        @Override
        public synchronized List<LabelScore> classify(String text, int max) {
            if (classifier == null || text == null || text.isBlank() || max < 1) {
                return List.of();
            }
            try {
                // all classes, best first, cut here: Lucene's getClasses(text, max) takes subList(0, max)
                // and fails when the community has fewer card classes than max
                var results = classifier.getClasses(text);
                if (results == null) {
                    return List.of();
                }
                return results.stream()
                        .limit(max)
                        .map(r -> new LabelScore(r.getAssignedClass().utf8ToString(), r.getScore()))
                        .filter(s -> s.score() > 0 && !Double.isNaN(s.score()))
                        .toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public int examples() {
            return examples;
        }
    }
}
