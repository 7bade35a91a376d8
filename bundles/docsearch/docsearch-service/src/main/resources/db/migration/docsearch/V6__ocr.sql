-- Scanned PDFs: a file without a text layer waits for OCR in the background (OCR_QUEUED), then holds
-- the recognised text (OCR) or stays EMPTY with the reason in extraction_error.
ALTER TABLE act_file DROP CONSTRAINT act_file_extraction_status_check;
ALTER TABLE act_file ADD CONSTRAINT act_file_extraction_status_check
    CHECK (extraction_status IN ('OK', 'EMPTY', 'FAILED', 'OCR_QUEUED', 'OCR'));
-- the start-up check re-queues what a stopped portal left waiting
CREATE INDEX act_file_ocr_queued_idx ON act_file (act_id) WHERE extraction_status = 'OCR_QUEUED';
