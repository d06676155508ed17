-- Every page asks whether demonstration rows exist (org.a4p.portal.demo.DemoDataQuery, for the
-- banner). Without an index, "exists (... where demo)" scans the whole progress_entry table when
-- there are none: 0.25 s per page with a million real entries. The partial index holds only demo
-- rows, so the answer is immediate either way, and removing demo data finds them at once.
create index progress_entry_demo on progress_entry (id) where demo;
