package ua.hromada.oks.api;

/**
 * Lengths and counts the OKS service accepts (longer texts and more photos are refused with a
 * reason); forms take their limits from here, so a field never lets in what saving refuses.
 */
public final class OksLimits {
    /** A violation's description, characters. */
    public static final int DESCRIPTION = 4000;
    /** A violation's address, characters. */
    public static final int ADDRESS = 500;
    /** A workflow step's comment, characters. */
    public static final int COMMENT = 4000;
    /** Photos of one registration or one step. */
    public static final int PHOTOS = 10;
    /** The violator's name, characters (longer ones are cut at this length). */
    public static final int VIOLATOR_NAME = 300;
    /** A violation type's code: latin small letters, digits, '-' or '_'. */
    public static final int TYPE_CODE = 40;
    /** A violation type's or a workflow action's name, characters. */
    public static final int CATALOGUE_NAME = 200;
    /** An executor organisation's name, characters. */
    public static final int EXECUTOR_NAME = 300;

    private OksLimits() {
    }
}
