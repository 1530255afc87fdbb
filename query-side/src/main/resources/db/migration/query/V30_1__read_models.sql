-- Relational read models, projected from the event log by the "read-models" tracking processor.
-- Every row carries its tenant (row-level security below is the second wall behind the gate) and the
-- global position of the last event applied to it: an event at or below that position is never applied
-- again, so redelivery changes nothing and a replay from scratch rebuilds identical rows.
-- Values keep their written meaning: decimals are numeric without scale (1.50 stays 1.50), FHIR dates
-- and dateTimes are kept as written (a partial date stays partial, a time keeps its offset) next to
-- derived bounds [lower, upper) in UTC for range filters.

create table patient_view (
    tenant_id           varchar(64)  not null,
    id                  varchar(64)  not null,
    names               jsonb        not null,
    family              text,                   -- of the official (else first) name, for sorting
    given               text,                   -- its given names, space-separated
    name_search         text         not null,  -- every family, given and text name, for "name contains"
    gender              varchar(16),
    birth_date          varchar(10),
    birth_date_lower    timestamptz,
    birth_date_upper    timestamptz,
    deceased            boolean      not null,
    deceased_at         varchar(40),
    deceased_at_lower   timestamptz,
    deceased_at_upper   timestamptz,
    identifiers         jsonb        not null,
    addresses           jsonb        not null,
    telecom             jsonb        not null,
    marital_status      text,
    version             bigint,                 -- aggregate sequence number of the last event applied
    last_event_position bigint       not null,
    primary key (tenant_id, id)
);

create table encounter_view (
    tenant_id           varchar(64)  not null,
    id                  varchar(64)  not null,
    patient_id          varchar(64)  not null,
    status              varchar(32)  not null,
    class_system        text,
    class_code          text,
    class_display       text,
    types               jsonb        not null,
    period_start        varchar(40),
    period_start_lower  timestamptz,
    period_start_upper  timestamptz,
    period_end          varchar(40),
    period_end_lower    timestamptz,
    period_end_upper    timestamptz,
    reasons             jsonb        not null,
    participants        jsonb        not null,
    service_provider    jsonb,
    location            jsonb,
    version             bigint,
    last_event_position bigint       not null,
    primary key (tenant_id, id)
);

create index encounter_view_patient on encounter_view (tenant_id, patient_id, period_start_lower);

create table observation_view (
    tenant_id              varchar(64)  not null,
    id                     varchar(64)  not null,
    patient_id             varchar(64)  not null,
    encounter_id           text,
    status                 varchar(32)  not null,
    categories             jsonb        not null,
    code_system            text,                   -- first coding of the code, for display and sorting;
    code                   text,                   -- the code filter matches every coding (code_concept)
    code_display           text,
    code_concept           jsonb        not null,
    effective              varchar(40),
    effective_lower        timestamptz,
    effective_upper        timestamptz,
    issued                 varchar(40),
    value_quantity         numeric,
    value_comparator       varchar(2),
    value_unit             text,
    value_system           text,
    value_code             text,
    value_concept          jsonb,
    value_text             text,
    value_boolean          boolean,
    value_integer          integer,
    value_date_time        varchar(40),
    components             jsonb        not null,  -- quantity values as decimal strings: "1.50"
    amended                boolean      not null,
    amendment_reason       text,
    entered_in_error       boolean      not null,
    entered_in_error_reason text,
    version                bigint,
    last_event_position    bigint       not null,
    primary key (tenant_id, id)
);

create index observation_view_patient on observation_view (tenant_id, patient_id, effective_lower, effective_upper);

create table condition_view (
    tenant_id              varchar(64)  not null,
    id                     varchar(64)  not null,
    patient_id             varchar(64)  not null,
    encounter_id           text,
    clinical_status        varchar(32),
    verification_status    varchar(32),
    categories             jsonb        not null,
    code_system            text,
    code                   text,
    code_display           text,
    code_concept           jsonb        not null,
    onset                  varchar(40),
    onset_lower            timestamptz,
    onset_upper            timestamptz,
    abatement              varchar(40),
    abatement_lower        timestamptz,
    abatement_upper        timestamptz,
    recorded_date          varchar(40),
    entered_in_error       boolean      not null,
    entered_in_error_reason text,
    version                bigint,
    last_event_position    bigint       not null,
    primary key (tenant_id, id)
);

create index condition_view_patient on condition_view (tenant_id, patient_id);

-- [jooq ignore start]
-- (H2, which simulates the schema for jOOQ's code generation, cannot index text columns.)
create index patient_view_sort on patient_view (tenant_id, family, given, id);

-- The code filter is a jsonb containment test ({"codings":[{"system":…,"code":…}]}) on every coding.
create index observation_view_code on observation_view using gin (code_concept jsonb_path_ops);

alter table patient_view enable row level security;
alter table patient_view force row level security;
create policy patient_view_tenant on patient_view
    using (tenant_id = current_setting('bonfire.tenant', true))
    with check (tenant_id = current_setting('bonfire.tenant', true));

alter table encounter_view enable row level security;
alter table encounter_view force row level security;
create policy encounter_view_tenant on encounter_view
    using (tenant_id = current_setting('bonfire.tenant', true))
    with check (tenant_id = current_setting('bonfire.tenant', true));

alter table observation_view enable row level security;
alter table observation_view force row level security;
create policy observation_view_tenant on observation_view
    using (tenant_id = current_setting('bonfire.tenant', true))
    with check (tenant_id = current_setting('bonfire.tenant', true));

alter table condition_view enable row level security;
alter table condition_view force row level security;
create policy condition_view_tenant on condition_view
    using (tenant_id = current_setting('bonfire.tenant', true))
    with check (tenant_id = current_setting('bonfire.tenant', true));
-- [jooq ignore stop]
