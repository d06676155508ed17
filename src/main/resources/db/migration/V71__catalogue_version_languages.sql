-- Catalogue versions loaded by administrators from a text file (catalogue.LoadCatalogueVersion): who loaded
-- each, and the languages whose texts the file gave (the other languages' texts were carried over from the
-- version before). The version installed with the reference data gave English and Chinese.
alter table catalogue_version add column loaded_by text;
alter table catalogue_version add column languages varchar(40) not null default 'en,zh'
    check (languages ~ '^(ar|zh|en|fr|ru|es)(,(ar|zh|en|fr|ru|es))*$');
alter table catalogue_version alter column languages drop default;
update catalogue_version set loaded_by = 'system' where loaded_by is null;
