package ua.hromada.gis.service;

import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/** Where a test's public-layer datasets go instead of the service registry: by layer key, sorted. */
final class RecordingPublisher implements PublicLayerDatasets.Publisher {
    /** The datasets offered now (written by the scanning job, read by the test). */
    final Map<String, PublicLayerDataset> datasets = new ConcurrentSkipListMap<>();

    @Override
    public Object publish(PublicLayerDataset dataset) {
        datasets.put(dataset.layerKey(), dataset);
        return dataset.layerKey();
    }

    @Override
    public void withdraw(Object handle) {
        datasets.remove(handle);
    }
}
