-- Idempotency keys of accepted commands: a repeat with the same key and payload returns the first
-- result and appends nothing; the same key with another payload is refused. Written in the command's
-- own transaction, so a failed command leaves no key behind.
create table command_idempotency (
    tenant_id       varchar(64)  not null,
    idempotency_key varchar(200) not null,
    request_hash    varchar(64)  not null,
    command_type    varchar(100) not null,
    record_id       varchar(64),
    result_version  bigint,
    created_at      timestamptz  not null default now(),
    primary key (tenant_id, idempotency_key)
);

-- [jooq ignore start]
alter table command_idempotency enable row level security;
alter table command_idempotency force row level security;
create policy command_idempotency_tenant on command_idempotency
    using (tenant_id = current_setting('bonfire.tenant', true))
    with check (tenant_id = current_setting('bonfire.tenant', true));
-- [jooq ignore stop]
