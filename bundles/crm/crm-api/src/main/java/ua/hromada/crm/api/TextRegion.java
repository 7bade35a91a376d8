package ua.hromada.crm.api;

/**
 * Where on a scan's page the matched text was read, in the page image's pixels, so the view can
 * show it (crop or outline).
 */
public record TextRegion(int page, int left, int top, int width, int height) {
}
