package ua.hromada.docsearch.api;

/** How one act relates to another. The reverse direction ("amended by") is derived. */
public enum LinkType {
    /** вносить зміни до */
    AMENDS,
    /** скасовує / визнає таким, що втратив чинність */
    CANCELS
}
