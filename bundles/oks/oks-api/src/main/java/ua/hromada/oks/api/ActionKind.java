package ua.hromada.oks.api;

/**
 * The shipped workflow actions: the stable key of each one's catalogue row ({@link WorkflowAction#key()}
 * is the constant's name), which journals written before the catalogue was open keep referring to.
 * Every rule of an action (code, name, groups, roles, predecessors, inputs) is the catalogue's and
 * editable by OKS administrators; what the action does to a case is its {@link ActionEffect}.
 * Actions an administrator adds have keys of their own and no kind.
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
    ARCHIVED;

    /** What the shipped action does to a case (its catalogue row's effect, which stays). */
    public ActionEffect effect() {
        return switch (this) {
            case DETECTED, DETECTED_URGENT -> ActionEffect.DETECT;
            case SENT, REDIRECTED -> ActionEffect.ASSIGN;
            case ACCEPTED -> ActionEffect.NONE;
            case REPORTED -> ActionEffect.REPORT;
            case CONFIRMED -> ActionEffect.CONFIRM;
            case RETURNED -> ActionEffect.RETURN;
            case DISPUTED -> ActionEffect.DISPUTE;
            case EXTENDED -> ActionEffect.EXTEND;
            case ARCHIVED -> ActionEffect.ARCHIVE;
        };
    }

    /** The shipped action of this key, if the key is one. */
    public static java.util.Optional<ActionKind> ofKey(String key) {
        for (ActionKind k : values()) {
            if (k.name().equals(key)) {
                return java.util.Optional.of(k);
            }
        }
        return java.util.Optional.empty();
    }
}
