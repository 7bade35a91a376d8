package ua.hromada.oks.api;

/**
 * What a workflow action means to the rules. The catalogue row of each kind (numeric code, name,
 * status group, responsible group) is editable by OKS administrators; the transition rules are not.
 */
public enum ActionKind {
    /** Виявлено порушення. */
    DETECTED,
    /** Виявлено порушення (терміново). */
    DETECTED_URGENT,
    /** Направлено виконавцю. */
    SENT,
    /** Прийнято до виконання. */
    ACCEPTED,
    /** Звітовано про виконання. */
    REPORTED,
    /** Виконання підтверджено. */
    CONFIRMED,
    /** Відправлено на доопрацювання. */
    RETURNED,
    /** Конфліктне: the executor disputes the case. */
    DISPUTED,
    /** Перенаправлено: another executor organisation. */
    REDIRECTED,
    /** Термін продовжено. */
    EXTENDED,
    /** Архівовано. */
    ARCHIVED
}
