-- package_search counts the published datasets on every call: a narrow partial index answers the
-- count (and the count per manager, the CKAN organization facet) by an index-only scan, about ten
-- times faster than reading the wide dataset rows (10 000 datasets: ~0.9 ms instead of ~7 ms).
CREATE INDEX dataset_published_manager ON opendata.dataset (manager_id) WHERE published;
