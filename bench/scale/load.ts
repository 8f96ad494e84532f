/**
 * Loads a generated portfolio straight into Retour's own tables (after its migrations), set-based in
 * SQL, the same on PGlite and PostgreSQL: municipalities, suppliers, contracts, half-year reports
 * (some corrected into a second version), activities in every verification state, approved plans,
 * and one advisor with an API token in the first (largest) municipality.
 */
import { createHash } from 'node:crypto';
import { getPreset } from '../../src/domain/presets.ts';

/** Runs one SQL statement (no parameters: the generator inlines its numbers). */
export type Exec = (sql: string) => Promise<unknown>;

export interface ScaleSpec {
  /** Municipalities; the first is the big city. */
  tenants: number;
  /** Contracts of the first municipality. */
  cityContracts: number;
  /** Contracts of all municipalities together. */
  contracts: number;
  /** Activities of all municipalities together (spread evenly over contracts). */
  activities: number;
}

export const scales: Record<'city' | 'national', ScaleSpec> = {
  city: { tenants: 1, cityContracts: 2_000, contracts: 2_000, activities: 30_000 },
  national: { tenants: 342, cityContracts: 4_000, contracts: 100_000, activities: 1_000_000 },
};

/** The advisor's API token of the big city (a fixed secret: the data is generated, not real). */
export const benchToken = 'rt_bench-scale-token-not-a-secret-0000000000000';
export const citySlug = 'scale-001';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export async function loadScale(exec: Exec, spec: ScaleSpec, log: (s: string) => void = () => {}) {
  const t0 = performance.now();
  const step = async (name: string, sql: string) => {
    const t = performance.now();
    await exec(sql);
    log(`  ${name}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
  };
  const policy = JSON.stringify({ ...getPreset('amsterdam'), validFrom: '2015-01-01' }).replace(/'/g, "''");
  const types = getPreset('amsterdam').activityTypes;
  const typeList = types.map((t) => `('${t.code}','${t.category}','${t.method}')`).join(',');
  const others = Math.max(spec.tenants - 1, 1);
  const otherContracts = spec.contracts - spec.cityContracts;
  // Triggers keep the progress rollup on every write; a bulk load switches them off and rebuilds the
  // rollup once at the end (decision 014).
  await step(
    'municipalities and policies',
    `alter table activities disable trigger user;
     alter table reports disable trigger user;
     alter table plan_versions disable trigger user;
     select setseed(0.42);
     create temp table t_map as
       select g as idx, gen_random_uuid() as id from generate_series(1, ${spec.tenants}) g;
     insert into tenants (id, slug, name)
       select id, 'scale-' || lpad(idx::text, 3, '0'), 'Gemeente Schaal ' || idx from t_map;
     create temp table pv_map as select t.idx, gen_random_uuid() as id from t_map t;
     insert into policy_versions (id, tenant_id, version, valid_from, policy)
       select p.id, t.id, 1, '2015-01-01', '${policy}'::jsonb from pv_map p join t_map t using (idx);`,
  );
  // One supplier per ten contracts, at least three per municipality.
  await step(
    'suppliers',
    `create temp table s_map as
       select t.idx as tidx, s as sidx, gen_random_uuid() as id
       from t_map t,
       generate_series(1, greatest(3, case when t.idx = 1 then ${spec.cityContracts}
         else ${Math.ceil(otherContracts / others)} end / 10)) s;
     insert into suppliers (id, tenant_id, name, kvk_number)
       select s.id, t.id, 'Leverancier ' || s.tidx || '-' || s.sidx,
         lpad((10000000 + s.tidx * 10000 + s.sidx)::text, 8, '0')
       from s_map s join t_map t on t.idx = s.tidx;
     create index on s_map (tidx, sidx);
     create temp table s_count as select tidx, count(*)::int as n from s_map group by tidx;`,
  );
  // Contracts start between 2019 and 2026 and run 1–6 years; values €50k–€5M (some below the
  // €200k plan threshold); obligation 2% (Amsterdam).
  await step(
    'contracts',
    `create temp table c_map as
       select g as cidx,
         case when g <= ${spec.cityContracts} then 1 else 2 + ((g - ${spec.cityContracts}) % ${others}) end as tidx,
         gen_random_uuid() as id,
         (date '2019-01-01' + (random() * 2700)::int) as start_date,
         (5000000 + (random() * random() * 495000000)::bigint) as value_cents,
         (1 + (random() * 5)::int) as years,
         random() as r
       from generate_series(1, ${spec.contracts}) g;
     alter table c_map add column end_date date;
     update c_map set end_date = (start_date + make_interval(years => years))::date - 1;
     insert into contracts (id, tenant_id, reference, title, supplier_id, kind, value_cents, start_date,
         end_date, award_date, policy_version_id, obligation_cents, regime, obligation_rule_id,
         obligation_explanation, obligation_explanation_nl)
       select c.id, t.id, 'SC-' || lpad(c.cidx::text, 6, '0'),
         (array['Onderhoud', 'Schoonmaak', 'ICT-beheer', 'Groenvoorziening', 'Bouw'])[1 + (c.cidx % 5)]
           || ' perceel ' || c.cidx,
         s.id, case when c.cidx % 3 = 0 then 'works' else 'servicesAndSupplies' end,
         c.value_cents, c.start_date, c.end_date, c.start_date - 30, p.id,
         round(c.value_cents * 0.02)::bigint,
         case when c.value_cents >= 20000000 then 'plan' else 'trust' end,
         'obligation.percentage', '2% of the contract value', '2% van de opdrachtwaarde'
       from c_map c join t_map t on t.idx = c.tidx join pv_map p on p.idx = c.tidx
       join s_count sc on sc.tidx = c.tidx
       join s_map s on s.tidx = c.tidx and s.sidx = 1 + (c.cidx % sc.n);`,
  );
  // One report per half-year of the term; those ended before today are closed, a few corrected
  // (a closed version 1 and a current version 2).
  await step(
    'reports',
    `create temp table r_map as
       select c.id as contract_id, c.tidx, c.cidx, h.n as hidx,
         (extract(year from c.start_date)::int + (h.n + (extract(month from c.start_date)::int > 6)::int) / 2)
           || '-H' || (1 + ((h.n + (extract(month from c.start_date)::int > 6)::int) % 2)) as period
       from c_map c,
       generate_series(0, (extract(year from c.end_date)::int * 2 + (extract(month from c.end_date)::int > 6)::int)
         - (extract(year from c.start_date)::int * 2 + (extract(month from c.start_date)::int > 6)::int)) h(n);
     alter table r_map add column id uuid default gen_random_uuid();
     alter table r_map add column ord int;
     update r_map set ord = cidx * 20 + hidx;
     insert into reports (id, tenant_id, contract_id, period, version, status, due_date)
       select r.id, t.id, r.contract_id, r.period, 1,
         case when r.period < '2026-H2' then 'closed' when r.period = '2026-H2' then 'open' else 'open' end,
         (case when right(r.period, 1) = '1' then (left(r.period, 4) || '-07-31') else ((left(r.period, 4)::int + 1) || '-01-31') end)::date
       from r_map r join t_map t on t.idx = r.tidx;
     create temp table r_v2 as
       select r.contract_id, r.tidx, r.period, gen_random_uuid() as id from r_map r
       where r.period < '2026-H2' and (r.cidx + r.hidx) % 17 = 0;
     insert into reports (id, tenant_id, contract_id, period, version, status, due_date)
       select v.id, t.id, v.contract_id, v.period, 2, 'submitted', date '2026-12-31'
       from r_v2 v join t_map t on t.idx = v.tidx;
     create index on r_map (cidx, hidx);
     create temp table r_count as
       select cidx, count(*) filter (where period <= '2026-H2')::int as begun from r_map group by cidx;`,
  );
  // Activities: spread evenly over contracts, each in a half-year that has begun; in a corrected
  // half-year they go to the current version (a handful to the superseded one, which must not count).
  await step(
    'activities',
    `create temp table type_list (code text, category text, method text);
     insert into type_list values ${typeList};
     create temp table tl as select row_number() over () as i, * from type_list;
     insert into activities (tenant_id, contract_id, report_id, type_code, category, method, period,
         units, value_cents, rule_id, explanation, explanation_nl, verification, description)
       select t.id, r.contract_id, coalesce(case when a.stale then null else v.id end, r.id), tl.code, tl.category,
         tl.method, r.period, 1, (50000 + (random() * 400000)::bigint),
         'valuation.' || tl.method, 'generated', 'gegenereerd',
         case when a.rv < 0.55 then 'accepted' when a.rv < 0.8 then 'pending' when a.rv < 0.9 then 'rejected'
           else 'moreInfo' end, ''
       from (
         select g, 1 + ((g - 1) % ${spec.contracts}) as cidx, random() as rh, random() as rv,
           random() < 0.05 as stale, 1 + (random() * ${types.length - 1})::int as ti
         from generate_series(1, ${spec.activities}) g
       ) a
       join r_count rc on rc.cidx = a.cidx and rc.begun > 0
       join r_map r on r.cidx = a.cidx and r.hidx = floor(a.rh * rc.begun)::int
       join tl on tl.i = a.ti
       join t_map t on t.idx = r.tidx
       left join r_v2 v on v.contract_id = r.contract_id and v.period = r.period;`,
  );
  // Approved plans for half of the plan contracts: one item per category.
  await step(
    'plans',
    `create temp table p_map as
       select c.id as contract_id, c.tidx, gen_random_uuid() as id, c.value_cents from c_map c
       where c.value_cents >= 20000000 and c.cidx % 2 = 0;
     insert into plans (id, tenant_id, contract_id, status, items, planned_cents)
       select p.id, t.id, p.contract_id, 'approved', '[]'::jsonb, 0 from p_map p join t_map t on t.idx = p.tidx;
     insert into plan_versions (tenant_id, plan_id, version, items, planned_cents, decision, reviewed_at)
       select t.id, p.id, 1, jsonb_build_array(
           jsonb_build_object('typeCode', 'job-benefits', 'category', 'employment', 'method', 'fteYear',
             'period', '2026-H1', 'valueCents', round(p.value_cents * 0.012)::bigint, 'ruleId', 'valuation.fteYear', 'explanation', 'generated'),
           jsonb_build_object('typeCode', 'sw-purchase', 'category', 'socialEnterprise', 'method', 'spendShare',
             'period', '2026-H1', 'valueCents', round(p.value_cents * 0.01)::bigint, 'ruleId', 'valuation.spendShare', 'explanation', 'generated')),
         round(p.value_cents * 0.022)::bigint, 'approved', now()
       from p_map p join t_map t on t.idx = p.tidx;`,
  );
  await step(
    'advisor and token',
    `insert into users (id, email, name) values ('00000000-0000-4000-8000-00000000be00', 'adviseur@scale-001.example', 'Adviseur Schaal');
     insert into memberships (id, user_id, tenant_id, role)
       select '00000000-0000-4000-8000-00000000be01', '00000000-0000-4000-8000-00000000be00', id, 'advisor' from t_map where idx = 1;
     insert into api_tokens (token_hash, name, user_id, membership_id, tenant_id)
       select '${sha256(benchToken)}', 'bench', '00000000-0000-4000-8000-00000000be00',
         '00000000-0000-4000-8000-00000000be01', id from t_map where idx = 1;
     drop table t_map, pv_map, s_map, s_count, c_map, r_map, r_v2, r_count, type_list, tl, p_map;`,
  );
  await step(
    'progress rollup',
    `select retour_rebuild_progress_sums();
     alter table activities enable trigger user;
     alter table reports enable trigger user;
     alter table plan_versions enable trigger user;
     analyze;`,
  );
  log(`  loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}
