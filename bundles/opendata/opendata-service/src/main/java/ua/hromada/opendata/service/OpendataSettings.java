package ua.hromada.opendata.service;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.function.Supplier;

/**
 * The configuration as plain values, so the services are built the same way in tests.
 *
 * @param storageFolder folder of uploaded files, or null to keep them in the database
 * @param zones the current community's time zone (the portal's settings, read at each use), of passport
 *              dates and times and of "today"
 */
record OpendataSettings(Path storageFolder, long maxUploadBytes, long maxImportBytes, int refreshMinutes,
        String providerManagerName, String providerManagerEdrpou, boolean providerPublish, Supplier<ZoneId> zones) {

    /** The configuration with the community's time zone ({@code PortalSettings::timeZone}). */
    static OpendataSettings of(OpendataConfig c, Supplier<ZoneId> zone) {
        String storage = c.resource_storage() == null ? "" : c.resource_storage().strip();
        Path folder = storage.isEmpty() || storage.equalsIgnoreCase("database") ? null : Path.of(storage);
        String edrpou = c.provider_manager_edrpou() == null ? "" : c.provider_manager_edrpou().strip();
        if (!edrpou.isEmpty() && !Edrpou.valid(edrpou)) {
            throw new IllegalArgumentException("provider.manager.edrpou is not a valid ЄДРПОУ code: " + edrpou);
        }
        return new OpendataSettings(folder, Math.max(1, c.upload_max_size_mb()) * 1024L * 1024L,
                Math.max(1, c.import_max_size_mb()) * 1024L * 1024L, Math.max(1, c.provider_refresh_minutes()), c.provider_manager_name().strip(),
                edrpou.isEmpty() ? null : edrpou, c.provider_publish(), zone);
    }

    static OpendataSettings defaults() {
        return new OpendataSettings(null, 100L * 1024 * 1024, 20L * 1024 * 1024, 60, "Виконавчий комітет міської ради", null, true,
                () -> ZoneId.of("Europe/Kyiv"));
    }

    /** The current community's time zone. */
    ZoneId zone() {
        return zones.get();
    }

    /** Today in the community's time zone. */
    LocalDate today() {
        return LocalDate.now(zone());
    }

    /** Now as the community's clock shows it, to the passport's minute. */
    LocalDateTime now() {
        return PassportTimes.minute(LocalDateTime.now(zone()));
    }

    OpendataSettings withStorage(Path folder) {
        return new OpendataSettings(folder, maxUploadBytes, maxImportBytes, refreshMinutes, providerManagerName, providerManagerEdrpou,
                providerPublish, zones);
    }

    OpendataSettings withMaxUpload(long bytes) {
        return new OpendataSettings(storageFolder, bytes, maxImportBytes, refreshMinutes, providerManagerName, providerManagerEdrpou,
                providerPublish, zones);
    }
}
