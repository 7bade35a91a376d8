package ua.hromada.oks.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import ua.hromada.oks.api.DocumentTemplate;
import ua.hromada.oks.api.ViolationDocuments.Kind;

/**
 * The shipped legal articles and template texts (documents/shipped.properties): a community's
 * catalogue starts with the articles, and a kind it never edited prints the shipped texts.
 */
final class ShippedDocuments {
    private static final String FILE = "/documents/shipped.properties";

    record Article(String code, String title) {
    }

    private final Properties texts = new Properties();

    ShippedDocuments() {
        try (InputStream in = ShippedDocuments.class.getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException(FILE + " is missing from the bundle");
            }
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Article> articles() {
        List<Article> out = new ArrayList<>();
        for (int i = 1; texts.containsKey("article." + i + ".code"); i++) {
            out.add(new Article(texts.getProperty("article." + i + ".code"), texts.getProperty("article." + i + ".title")));
        }
        return out;
    }

    DocumentTemplate template(Kind kind) {
        return new DocumentTemplate(kind, texts.getProperty(kind.name() + ".heading"),
                texts.getProperty(kind.name() + ".body"), texts.getProperty(kind.name() + ".pattern"), 0);
    }

    /**
     * The shipped articles for the current community when it has no article at all (its first use:
     * an administrator deactivates articles, never deletes them, so none means never seeded).
     */
    void seedArticles(Connection c) throws SQLException {
        try (PreparedStatement any = c.prepareStatement("SELECT 1 FROM oks.legal_article LIMIT 1");
                ResultSet rs = any.executeQuery()) {
            if (rs.next()) {
                return;
            }
        }
        // two first uses at once: the later waits for the earlier's rows and adds none
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO oks.legal_article (code, title) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            for (Article a : articles()) {
                ps.setString(1, a.code());
                ps.setString(2, a.title());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
