-- FHIR import ledger: what the Bundle importer has already done, per tenant.
-- Bookkeeping of the import door, not a projection: written in the same transaction as the commands
-- of the bundle, so a rejected bundle leaves no row here either.

-- Every bundle imported, by the SHA-256 of its bytes: importing the same bytes again changes nothing.
create table fhir_import_bundle (
    tenant_id      varchar(64)  not null,
    bundle_sha256  char(64)     not null,
    imported_at    timestamptz  not null default now(),
    actor_id       varchar(128) not null,
    entry_count    integer      not null,
    created_count  integer      not null,
    primary key (tenant_id, bundle_sha256)
);

-- Business identifiers of imported resources, so that conditional references
-- ("Organization?identifier=system|value") resolve against earlier imports. The identifier itself is
-- kept only as a SHA-256 digest (of system, '|' and value): a patient's SSN or MRN never sits here in
-- clear; the lookup needs equality only.
create table fhir_import_identifier (
    tenant_id         varchar(64) not null,
    resource_type     varchar(64) not null,
    identifier_sha256 char(64)    not null,
    record_id         varchar(64) not null,
    bundle_sha256     char(64)    not null,
    primary key (tenant_id, resource_type, identifier_sha256)
);

-- [jooq ignore start]
alter table fhir_import_bundle enable row level security;
alter table fhir_import_bundle force row level security;
create policy fhir_import_bundle_tenant on fhir_import_bundle
    using (tenant_id = current_setting('bonfire.tenant', true))
    with check (tenant_id = current_setting('bonfire.tenant', true));

alter table fhir_import_identifier enable row level security;
alter table fhir_import_identifier force row level security;
create policy fhir_import_identifier_tenant on fhir_import_identifier
    using (tenant_id = current_setting('bonfire.tenant', true))
    with check (tenant_id = current_setting('bonfire.tenant', true));
-- [jooq ignore stop]
