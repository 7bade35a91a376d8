package ua.hromada.oks.api;

/**
 * A legal basis a document cites: an article of the Code of Administrative Offences (КУпАП) or a
 * point of the community's rules of improvement; each community keeps its own catalogue, edited by
 * OKS administrators ({@link DocumentRegister#saveArticle}).
 *
 * @param id      0 for a new article
 * @param code    how the document cites it, e.g. «ст. 152 КУпАП»
 * @param title   its heading, e.g. «Порушення державних стандартів, норм і правил у сфері благоустрою …»
 * @param active  an inactive article is offered on no new document (issued ones keep it)
 * @param version the row's version as read: a save of an older one is refused
 * @param actId   the act of document search this basis is (portal-api {@code LegalActLookup}); null when
 *                none is linked
 */
public record LegalArticle(long id, String code, String title, boolean active, long version, Long actId) {

    /** Without a linked act. */
    public LegalArticle(long id, String code, String title, boolean active, long version) {
        this(id, code, title, active, version, null);
    }

    /** As printed: the code and the title in «». */
    public String citation() {
        return title == null || title.isBlank() ? code : code + " «" + title + "»";
    }
}
