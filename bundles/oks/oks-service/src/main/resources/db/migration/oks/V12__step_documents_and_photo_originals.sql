-- Issue 15 (photo evidence): a step's file may be a PDF document, stored as received and without a
-- thumbnail; a photo's original (with its EXIF/XMP: GPS position, camera) is kept beside the served
-- version only when photo.keep.original is set. The rows stored before keep their bytes as they
-- were: they are served as before (metadata included) and have no original.
ALTER TABLE photo ALTER COLUMN thumbnail DROP NOT NULL;
ALTER TABLE photo ADD COLUMN original bytea;
ALTER TABLE photo ADD CONSTRAINT photo_thumbnail_unless_document
    CHECK (thumbnail IS NOT NULL OR content_type = 'application/pdf');
