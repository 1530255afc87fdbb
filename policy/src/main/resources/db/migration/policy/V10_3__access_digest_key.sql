-- Keys of the access log's search digests: one random 256-bit key per tenant, created on first use.
-- Access records keep search parameters only as HMAC-SHA256 under this key (names typed into a search
-- box are PHI). Kept here, not in the log, so the log can be shipped without becoming searchable.

-- [jooq ignore start]
create table access_digest_key (
    tenant_id  varchar(64) not null,
    digest_key bytea       not null,
    created_at timestamptz not null default now(),
    primary key (tenant_id)
);

alter table access_digest_key enable row level security;
alter table access_digest_key force row level security;
create policy access_digest_key_tenant on access_digest_key
    using (tenant_id = current_setting('bonfire.tenant', true))
    with check (tenant_id = current_setting('bonfire.tenant', true));
-- [jooq ignore stop]
