import type { Page, Route } from '@playwright/test';

/**
 * Representative API answers (shapes of api.md and the OpenAPI document) so every page can be
 * rendered, checked by axe and photographed without depending on the demo data of the day.
 */
const contract = {
  id: 'c1',
  reference: 'VBS-2026-014',
  title: 'Onderhoud openbare ruimte Noord',
  supplierId: 's1',
  supplier: { id: 's1', name: 'Bouwbedrijf De Groot B.V.' },
  valueCents: 120_000_000,
  startDate: '2026-01-01',
  endDate: '2028-12-31',
  awardDate: '2025-11-15',
  obligation: {
    amountCents: 2_400_000,
    regime: 'plan',
    policyVersion: 1,
    ruleId: 'obligation:plan',
    explanation: '2% × €1.200.000,00 = €24.000,00; ≥ €200.000,00: plan regime',
  },
  progress: {
    obligationCents: 2_400_000,
    plannedCents: 2_600_000,
    realisedCents: 600_000,
    verifiedCents: 450_000,
    expectedCents: 720_000,
    forecastCents: 1_900_000,
    status: 'behind',
  },
};
const contract2 = {
  ...contract,
  id: 'c2',
  reference: 'VBS-2025-102',
  title: 'Schoonmaak stadskantoor',
  supplier: { id: 's2', name: 'Schoonmaakbedrijf Helder' },
  valueCents: 15_000_000,
  obligation: { ...contract.obligation, amountCents: 300_000, regime: 'trust', ruleId: 'obligation:trust' },
  progress: {
    ...contract.progress,
    obligationCents: 300_000,
    realisedCents: 300_000,
    verifiedCents: 300_000,
    status: 'met',
  },
};
const activity = {
  id: 'a1',
  typeCode: 'initiative-hours',
  typeName: 'Uren voor een goedgekeurd maatschappelijk initiatief',
  category: 'socialDomain',
  period: '2026-H1',
  hours: 40,
  valuation: { valueCents: 240_000, ruleId: 'valuation:hour', explanation: '40 uur × €60,00 = €2.400,00' },
  verification: 'pending',
};
const activity2 = {
  id: 'a2',
  typeCode: 'job-benefits',
  typeName: 'Baan voor iemand met een uitkering',
  category: 'employment',
  period: '2026-H1',
  fte: 0.5,
  months: 6,
  candidate: 'DG-007',
  valuation: {
    valueCents: 875_000,
    ruleId: 'valuation:fteYear',
    explanation: '0,5 fte × 6 maanden / 12 × €35.000,00 = €8.750,00',
  },
  verification: 'accepted',
};
const catalogue = [
  {
    code: 'job-benefits',
    name: 'Baan voor iemand met een uitkering',
    category: 'employment',
    method: 'fteYear',
    rateCents: 3_500_000,
  },
  {
    code: 'internship',
    name: 'Stage (BOL) van ten minste 3 maanden',
    category: 'participation',
    method: 'unit',
    rateCents: 250_000,
  },
  {
    code: 'initiative-hours',
    name: 'Uren voor een goedgekeurd maatschappelijk initiatief',
    category: 'socialDomain',
    method: 'hour',
    rateCents: 6_000,
  },
  {
    code: 'sw-purchase',
    name: 'Inkoop bij een SW-bedrijf',
    category: 'participation',
    method: 'spendShare',
    shareBp: 3_000,
  },
  {
    code: 'pso-2',
    name: 'PSO trede 2',
    category: 'socialEnterprise',
    method: 'obligationShare',
    shareBp: 10_000,
  },
];
const reports = [
  {
    id: 'r1',
    period: '2026-H1',
    status: 'submitted',
    dueDate: '2026-07-31',
    submittedAt: '2026-07-20T10:00:00Z',
  },
  { id: 'r2', period: '2026-H2', status: 'open', dueDate: '2027-01-31' },
];

export const roles = {
  advisor: { role: 'advisor', name: 'Ahmed Adviseur' },
  municipalityAdmin: { role: 'municipalityAdmin', name: 'Femke Beheer' },
  contractManager: { role: 'contractManager', name: 'Carla Contract' },
  supplier: { role: 'supplier', name: 'Dirk de Groot' },
} as const;

export async function mockApi(page: Page, who: keyof typeof roles): Promise<void> {
  const r = roles[who];
  const answers: [RegExp, unknown][] = [
    [
      /\/me$/,
      {
        user: { id: 'u1', email: 'x@voorbeeldstad.example', name: r.name },
        tenant: { id: 't1', slug: 'voorbeeldstad', name: 'Gemeente Voorbeeldstad' },
        role: r.role,
        memberships: [
          { tenantId: 't1', tenantSlug: 'voorbeeldstad', tenantName: 'Gemeente Voorbeeldstad', role: r.role },
        ],
        csrfToken: 'csrf',
      },
    ],
    [
      /\/dashboard/,
      {
        totals: {
          obligationCents: 2_700_000,
          plannedCents: 2_900_000,
          realisedCents: 900_000,
          verifiedCents: 750_000,
          expectedCents: 1_020_000,
          forecastCents: 2_200_000,
          status: 'behind',
        },
        byCategory: [
          { category: 'employment', plannedCents: 1_750_000, realisedCents: 500_000, verifiedCents: 450_000 },
          {
            category: 'participation',
            plannedCents: 750_000,
            realisedCents: 200_000,
            verifiedCents: 200_000,
          },
          { category: 'socialDomain', plannedCents: 400_000, realisedCents: 200_000, verifiedCents: 100_000 },
          { category: 'socialEnterprise', plannedCents: 0, realisedCents: 0, verifiedCents: 0 },
        ],
        bySupplier: [
          {
            supplierName: 'Bouwbedrijf De Groot B.V.',
            obligationCents: 2_400_000,
            plannedCents: 2_600_000,
            realisedCents: 600_000,
            verifiedCents: 450_000,
          },
          {
            supplierName: 'Schoonmaakbedrijf Helder',
            obligationCents: 300_000,
            plannedCents: 300_000,
            realisedCents: 300_000,
            verifiedCents: 300_000,
          },
        ],
        byHalfYear: [
          { period: '2025-H2', plannedCents: 600_000, realisedCents: 300_000, verifiedCents: 300_000 },
          { period: '2026-H1', plannedCents: 1_200_000, realisedCents: 600_000, verifiedCents: 450_000 },
          { period: '2026-H2', plannedCents: 1_100_000, realisedCents: 0, verifiedCents: 0 },
        ],
        contracts: [contract2, contract].map((c) => ({
          id: c.id,
          reference: c.reference,
          title: c.title,
          supplierName: c.supplier.name,
          ...c.progress,
        })),
      },
    ],
    [/\/contracts\/c\d\/progress/, contract.progress],
    [
      /\/contracts\/c\d\/plan$/,
      {
        id: 'p1',
        status: 'submitted',
        plannedCents: 2_600_000,
        items: [
          { ...activity2, period: '2026-H1' },
          {
            typeCode: 'internship',
            typeName: 'Stage (BOL) van ten minste 3 maanden',
            category: 'participation',
            period: '2026-H2',
            units: 2,
            valuation: {
              valueCents: 500_000,
              ruleId: 'valuation:unit',
              explanation: '2 × €2.500,00 = €5.000,00',
            },
          },
        ],
        versions: [
          { version: 1, plannedCents: 2_600_000, submittedAt: '2026-02-01T09:00:00Z', decision: null },
        ],
      },
    ],
    [/\/contracts\/c\d\/reports/, { items: reports }],
    [/\/contracts\/c\d\/activities/, { items: [activity, activity2] }],
    [
      /\/activities\/a\d\/evidence/,
      {
        items: [
          {
            id: 'e1',
            activityId: 'a1',
            filename: 'urenregistratie.pdf',
            mediaType: 'application/pdf',
            sizeBytes: 48_213,
            sha256: 'x',
            uploadedAt: '2026-07-10T08:00:00Z',
          },
        ],
      },
    ],
    [/\/contracts\/c2$/, contract2],
    [/\/contracts\/c1$/, contract],
    [/\/contracts(\?.*)?$/, { items: [contract, contract2] }],
    [/\/activity-types/, { on: '2026-11-23', policyVersion: 1, items: catalogue }],
    [
      /\/policies/,
      {
        items: [
          {
            id: 'pv1',
            version: 1,
            validFrom: '2020-01-01',
            createdAt: '2025-01-01T00:00:00Z',
            policy: {
              validFrom: '2020-01-01',
              percentageBp: 200,
              planThresholdCents: 20_000_000,
              reportDueDays: 31,
              behindToleranceBp: 1_000,
              activityTypes: catalogue,
            },
          },
        ],
      },
    ],
    [
      /\/users/,
      {
        items: [
          { id: 'u1', name: 'Ahmed Adviseur', email: 'adviseur@voorbeeldstad.example', role: 'advisor' },
          {
            id: 'u2',
            name: 'Carla Contract',
            email: 'contractmanager@voorbeeldstad.example',
            role: 'contractManager',
          },
        ],
      },
    ],
    [/\/suppliers/, { items: [{ id: 's1', name: 'Bouwbedrijf De Groot B.V.' }] }],
    [
      /\/audit-log/,
      {
        items: [
          {
            id: '2',
            at: '2026-07-21T09:12:00Z',
            actorLabel: 'adviseur@voorbeeldstad.example',
            action: 'activity.verify',
            objectType: 'activity',
            objectId: 'a2',
            ip: '10.0.0.5',
          },
          {
            id: '1',
            at: '2026-07-20T10:00:00Z',
            actorLabel: 'leverancier@bouwbedrijf-degroot.example',
            action: 'report.submit',
            objectType: 'report',
            objectId: 'r1',
            ip: '10.0.0.9',
          },
        ],
      },
    ],
  ];
  await page.route('**/api/v1/**', async (route: Route) => {
    const url = route.request().url();
    if (route.request().method() !== 'GET' || url.includes('/estimates') || url.includes('/health'))
      return route.continue();
    const hit = answers.find(([re]) => re.test(new URL(url).pathname + new URL(url).search));
    if (!hit)
      return route.fulfill({
        status: 404,
        contentType: 'application/problem+json',
        body: '{"status":404,"title":"Not found"}',
      });
    return route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(hit[1]) });
  });
}
