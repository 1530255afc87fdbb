-- Policy state for patient scope, consent, break-the-glass, the clinician directory and per-tenant
-- policy documents. All written synchronously with the events that change them; all tenant-scoped.

create table policy_assignment (
    tenant_id         varchar(64)  not null,
    assignment_id     varchar(64)  not null,
    patient_id        varchar(64)  not null,
    clinician_user_id varchar(128) not null,
    active            boolean      not null,
    changed_at        timestamptz  not null,
    primary key (tenant_id, assignment_id)
);
create index policy_assignment_lookup on policy_assignment (tenant_id, clinician_user_id, patient_id) where active;

create table policy_consent (
    tenant_id     varchar(64)  not null,
    consent_id    varchar(64)  not null,
    patient_id    varchar(64)  not null,
    purpose       varchar(32)  not null,
    period_start  timestamptz,
    period_end    timestamptz,
    actor_user_id varchar(128),
    active        boolean      not null,
    changed_at    timestamptz  not null,
    primary key (tenant_id, consent_id)
);
create index policy_consent_lookup on policy_consent (tenant_id, patient_id, purpose);

create table policy_break_glass (
    tenant_id      varchar(64)  not null,
    break_glass_id varchar(64)  not null,
    patient_id     varchar(64)  not null,
    actor_user_id  varchar(128) not null,
    reason         varchar(2000) not null,
    started_at     timestamptz  not null,
    primary key (tenant_id, break_glass_id)
);
create index policy_break_glass_lookup on policy_break_glass (tenant_id, patient_id, actor_user_id, started_at);

create table policy_clinician (
    tenant_id    varchar(64)  not null,
    user_id      varchar(128) not null,
    clinician_id varchar(64)  not null,
    primary key (tenant_id, user_id)
);

create table policy_tenant (
    tenant_id  varchar(64)  not null,
    document   varchar(65536) not null,
    version    bigint       not null,
    changed_at timestamptz  not null,
    primary key (tenant_id)
);

-- [jooq ignore start]
alter table policy_assignment enable row level security;
alter table policy_assignment force row level security;
create policy policy_assignment_tenant on policy_assignment
    using (tenant_id = current_setting('bonfire.tenant', true))
    with check (tenant_id = current_setting('bonfire.tenant', true));
alter table policy_consent enable row level security;
alter table policy_consent force row level security;
create policy policy_consent_tenant on policy_consent
    using (tenant_id = current_setting('bonfire.tenant', true))
    with check (tenant_id = current_setting('bonfire.tenant', true));
alter table policy_break_glass enable row level security;
alter table policy_break_glass force row level security;
create policy policy_break_glass_tenant on policy_break_glass
    using (tenant_id = current_setting('bonfire.tenant', true))
    with check (tenant_id = current_setting('bonfire.tenant', true));
alter table policy_clinician enable row level security;
alter table policy_clinician force row level security;
create policy policy_clinician_tenant on policy_clinician
    using (tenant_id = current_setting('bonfire.tenant', true))
    with check (tenant_id = current_setting('bonfire.tenant', true));
alter table policy_tenant enable row level security;
alter table policy_tenant force row level security;
create policy policy_tenant_tenant on policy_tenant
    using (tenant_id = current_setting('bonfire.tenant', true))
    with check (tenant_id = current_setting('bonfire.tenant', true));
-- [jooq ignore stop]
