package ua.hromada.portal.api.jdbc;

/**
 * Names of the community isolation in PostgreSQL (docs/regional-hosting.md): modules reference the
 * community DataSource, whose connections run as the non-owner {@link #APP_ROLE} with
 * {@link #SETTING} set to the current community; every module table carries a {@code community}
 * column and a row-level security policy comparing it with that setting
 * ({@link CommunityTables#isolate}).
 */
public final class CommunityData {

    /** For {@code @Reference(target = CommunityData.TARGET) DataSource}: the community DataSource. */
    public static final String TARGET = "(dataSourceName=hromada-community)";

    /** The name the portal registers the community DataSource under. */
    public static final String NAME = "hromada-community";

    /** The role module SQL runs as: owns nothing, so row-level security always applies. */
    public static final String APP_ROLE = "hromada_app";

    /** The session setting that names a connection's community. */
    public static final String SETTING = "hromada.community";

    /** The column every module table carries. */
    public static final String COLUMN = "community";

    private CommunityData() {
    }
}
