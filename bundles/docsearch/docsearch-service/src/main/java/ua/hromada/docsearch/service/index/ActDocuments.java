package ua.hromada.docsearch.service.index;

import static ua.hromada.docsearch.service.index.ActIndex.F_BODY;
import static ua.hromada.docsearch.service.index.ActIndex.F_CONVOCATION;
import static ua.hromada.docsearch.service.index.ActIndex.F_SESSION;
import static ua.hromada.docsearch.service.index.ActIndex.F_TAG;
import static ua.hromada.docsearch.service.index.ActIndex.F_BODY_CHARS;
import static ua.hromada.docsearch.service.index.ActIndex.F_DATE;
import static ua.hromada.docsearch.service.index.ActIndex.F_DATE_SORT;
import static ua.hromada.docsearch.service.index.ActIndex.F_HIT;
import static ua.hromada.docsearch.service.index.ActIndex.F_ID;
import static ua.hromada.docsearch.service.index.ActIndex.F_ID_NUM;
import static ua.hromada.docsearch.service.index.ActIndex.F_ISSUING_BODY;
import static ua.hromada.docsearch.service.index.ActIndex.F_KIND;
import static ua.hromada.docsearch.service.index.ActIndex.F_KIND_NAME;
import static ua.hromada.docsearch.service.index.ActIndex.F_MATCH;
import static ua.hromada.docsearch.service.index.ActIndex.F_META;
import static ua.hromada.docsearch.service.index.ActIndex.F_NUMBER;
import static ua.hromada.docsearch.service.index.ActIndex.F_NUMBER_NORM;
import static ua.hromada.docsearch.service.index.ActIndex.F_STATUS;
import static ua.hromada.docsearch.service.index.ActIndex.F_TITLE;
import static ua.hromada.docsearch.service.index.ActIndex.F_YEAR;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Set;

import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.util.BytesRef;

/** An act as a Lucene document, and a hit read back from it (the hit doc value, or the stored fields). */
final class ActDocuments {
    /** What a hit shows: everything stored but the body (the snippet comes from the highlighter). */
    private static final Set<String> HIT_FIELDS = Set.of(F_ID, F_KIND, F_KIND_NAME, F_NUMBER, F_DATE, F_TITLE,
            F_ISSUING_BODY, F_STATUS);
    private static final FieldType STORED_TEXT_WITH_OFFSETS = new FieldType(TextField.TYPE_STORED);
    private static final FieldType TEXT_WITH_OFFSETS = new FieldType(TextField.TYPE_NOT_STORED);
    /** The words of the title, body and metadata in one field, documents only (see {@link ActIndex#F_MATCH}). */
    private static final FieldType MATCH_ONLY = new FieldType(TextField.TYPE_NOT_STORED);

    static {
        STORED_TEXT_WITH_OFFSETS.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        STORED_TEXT_WITH_OFFSETS.freeze();
        TEXT_WITH_OFFSETS.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        TEXT_WITH_OFFSETS.freeze();
        MATCH_ONLY.setIndexOptions(IndexOptions.DOCS);
        MATCH_ONLY.setOmitNorms(true);
        MATCH_ONLY.freeze();
    }

    private final FacetsConfig facetsConfig = new FacetsConfig();

    Document document(IndexedAct act) throws IOException {
        Document d = new Document();
        d.add(new StringField(F_ID, Long.toString(act.id()), Field.Store.YES));
        d.add(new NumericDocValuesField(F_ID_NUM, act.id()));
        d.add(new StringField(F_KIND, act.kindCode(), Field.Store.YES));
        d.add(new StoredField(F_KIND_NAME, act.kindName()));
        d.add(new StoredField(F_NUMBER, act.number()));
        d.add(new StringField(F_NUMBER_NORM, act.normalizedNumber(), Field.Store.NO));
        long day = act.date().toEpochDay();
        d.add(new LongPoint(F_DATE, day));
        d.add(new StoredField(F_DATE, day));
        d.add(new NumericDocValuesField(F_DATE_SORT, day));
        String year = Integer.toString(act.date().getYear());
        d.add(new StringField(F_YEAR, year, Field.Store.NO));
        d.add(new Field(F_TITLE, act.title(), STORED_TEXT_WITH_OFFSETS));
        String body = act.body() == null ? "" : act.body();
        d.add(new Field(F_BODY, body, TEXT_WITH_OFFSETS));
        d.add(new BinaryDocValuesField(F_BODY_CHARS, BodyChars.encode(body)));
        StringBuilder meta = new StringBuilder(act.kindName()).append('\n').append(act.number());
        if (act.issuingBody() != null) {
            d.add(new StringField(F_ISSUING_BODY, act.issuingBody(), Field.Store.YES));
            d.add(new SortedSetDocValuesFacetField(F_ISSUING_BODY, act.issuingBody()));
            meta.append('\n').append(act.issuingBody());
        }
        act.tags().forEach(t -> {
            meta.append('\n').append(t);
            d.add(new StringField(F_TAG, ActQueries.tagKey(t), Field.Store.NO));
        });
        if (act.convocation() != null) {
            d.add(new StringField(F_CONVOCATION, act.convocation().toString(), Field.Store.NO));
        }
        if (act.session() != null) {
            d.add(new StringField(F_SESSION, act.session().toString(), Field.Store.NO));
        }
        d.add(new TextField(F_META, meta.toString(), Field.Store.NO));
        // the same three texts analysed the same way: a term is in this field exactly when it is
        // in the title, the body or the metadata
        d.add(new Field(F_MATCH, act.title(), MATCH_ONLY));
        d.add(new Field(F_MATCH, body, MATCH_ONLY));
        d.add(new Field(F_MATCH, meta.toString(), MATCH_ONLY));
        d.add(new StringField(F_STATUS, act.status(), Field.Store.YES));
        d.add(new SortedSetDocValuesFacetField(F_KIND, act.kindCode()));
        d.add(new SortedSetDocValuesFacetField(F_STATUS, act.status()));
        d.add(new SortedSetDocValuesFacetField(F_YEAR, year));
        d.add(new BinaryDocValuesField(F_HIT, hitValue(act)));
        return facetsConfig.build(d);
    }

    /** One hit; {@code values} is the leaf's hit doc values, read in increasing doc order. */
    static IndexHit hitAt(LeafReaderContext ctx, BinaryDocValues values, int doc, float score, String snippet)
            throws IOException {
        if (values != null && values.advanceExact(doc)) {
            return hitFrom(values.binaryValue(), score, snippet);
        }
        // written before the hit doc value existed
        Document d = ctx.reader().storedFields().document(doc, HIT_FIELDS);
        return new IndexHit(Long.parseLong(d.get(F_ID)), d.get(F_KIND), d.get(F_KIND_NAME), d.get(F_NUMBER),
                LocalDate.ofEpochDay(d.getField(F_DATE).numericValue().longValue()), d.get(F_TITLE),
                d.get(F_ISSUING_BODY), d.get(F_STATUS), score, snippet);
    }

    /**
     * What a hit shows, as one binary doc value: reading it is a small block of doc values instead
     * of decompressing the stored fields block with the whole body.
     */
    private static BytesRef hitValue(IndexedAct act) throws IOException {
        ByteBuffersDataOutput out = new ByteBuffersDataOutput();
        out.writeVLong(act.id());
        out.writeString(act.kindCode());
        out.writeString(act.kindName());
        out.writeString(act.number());
        out.writeZLong(act.date().toEpochDay());
        out.writeString(act.title());
        out.writeByte((byte) (act.issuingBody() == null ? 0 : 1));
        if (act.issuingBody() != null) {
            out.writeString(act.issuingBody());
        }
        out.writeString(act.status());
        return new BytesRef(out.toArrayCopy());
    }

    /** The title from a hit doc value (the fields before it skipped, as {@link #hitValue} wrote them). */
    static String titleOf(BytesRef value) throws IOException {
        ByteArrayDataInput in = new ByteArrayDataInput(value.bytes, value.offset, value.length);
        in.readVLong();
        in.skipBytes(in.readVInt());
        in.skipBytes(in.readVInt());
        in.skipBytes(in.readVInt());
        in.readZLong();
        return in.readString();
    }

    private static IndexHit hitFrom(BytesRef value, float score, String snippet) throws IOException {
        ByteArrayDataInput in = new ByteArrayDataInput(value.bytes, value.offset, value.length);
        long id = in.readVLong();
        String kind = in.readString();
        String kindName = in.readString();
        String number = in.readString();
        LocalDate date = LocalDate.ofEpochDay(in.readZLong());
        String title = in.readString();
        String issuingBody = in.readByte() == 0 ? null : in.readString();
        String status = in.readString();
        return new IndexHit(id, kind, kindName, number, date, title, issuingBody, status, score, snippet);
    }
}
