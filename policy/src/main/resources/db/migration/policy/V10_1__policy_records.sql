-- Policy state: every record of every tenant, with its kind, patient and author.
-- Written synchronously, in the transaction of the event that creates the record; read by the gate.
create table policy_record (
    tenant_id  varchar(64) not null,
    record_id  varchar(64) not null,
    kind       varchar(32) not null,
    patient_id varchar(64),
    author_id  varchar(128),
    created_at timestamptz not null default now(),
    primary key (tenant_id, record_id)
);

create index policy_record_patient on policy_record (tenant_id, patient_id);

-- [jooq ignore start]
alter table policy_record enable row level security;
alter table policy_record force row level security;
create policy policy_record_tenant on policy_record
    using (tenant_id = current_setting('bonfire.tenant', true))
    with check (tenant_id = current_setting('bonfire.tenant', true));
-- [jooq ignore stop]
