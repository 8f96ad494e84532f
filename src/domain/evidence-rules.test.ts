import { describe, expect, it } from 'vitest';
import { evidenceFindings, requiresEvidence, splitFindings, type EvidenceSubject } from './evidence-rules.ts';
import { validatePolicy } from './policy-validation.ts';

const types = [
  { code: 'job-benefits', evidenceRequired: true },
  { code: 'internship' },
  { code: 'initiative-hours', evidenceRequired: false },
];
const act = (typeCode: string, evidenceCount: number, extra: Partial<EvidenceSubject> = {}) => ({
  id: `${typeCode}-${evidenceCount}`,
  typeCode,
  evidenceCount,
  ...extra,
});

describe('evidence rules: which activities lack evidence, and whether that refuses or warns', () => {
  it.each([
    { case: 'required type with evidence: nothing to say', a: act('job-benefits', 1), expected: [] },
    { case: 'required type with two files: nothing to say', a: act('job-benefits', 2), expected: [] },
    { case: 'required type without evidence: refused', a: act('job-benefits', 0), expected: ['required'] },
    {
      case: 'type without the setting, no evidence: a warning',
      a: act('internship', 0),
      expected: ['missing'],
    },
    {
      case: 'type set to false, no evidence: a warning',
      a: act('initiative-hours', 0),
      expected: ['missing'],
    },
    { case: 'type without the setting, with evidence: nothing', a: act('internship', 1), expected: [] },
    {
      case: 'a confirmed pledge is its own proof, even for a required type',
      a: act('job-benefits', 0, { confirmedPledge: true }),
      expected: [],
    },
    {
      case: 'a type the policy does not know only warns (the valuation refused it already)',
      a: act('gone', 0),
      expected: ['missing'],
    },
  ])('$case', ({ a, expected }) => {
    expect(evidenceFindings([a], types).map((f) => f.level)).toEqual(expected);
  });

  it('keeps the order of the activities and splits refusals from warnings', () => {
    const findings = evidenceFindings(
      [act('internship', 0), act('job-benefits', 1), act('job-benefits', 0), act('initiative-hours', 0)],
      types,
    );
    expect(findings.map((f) => f.activityId)).toEqual([
      'internship-0',
      'job-benefits-0',
      'initiative-hours-0',
    ]);
    const { refused, warnings } = splitFindings(findings);
    expect(refused.map((f) => f.activityId)).toEqual(['job-benefits-0']);
    expect(warnings.map((f) => f.activityId)).toEqual(['internship-0', 'initiative-hours-0']);
  });

  it.each([
    { code: 'job-benefits', expected: true },
    { code: 'internship', expected: false },
    { code: 'initiative-hours', expected: false },
    { code: 'unknown', expected: false },
  ])('requiresEvidence($code) is $expected', ({ code, expected }) =>
    expect(requiresEvidence(types, code)).toBe(expected),
  );
});

describe('evidence rules in a policy version', () => {
  const base = {
    validFrom: '2026-01-01',
    percentageBp: 200,
    planThresholdCents: 20_000_000,
  };
  const type = (extra: Record<string, unknown>) => ({
    code: 'job-benefits',
    name: 'Job',
    category: 'employment',
    method: 'fteYear',
    rateCents: 3_500_000,
    ...extra,
  });
  it.each([
    { case: 'true is kept', input: { evidenceRequired: true }, expected: true },
    { case: 'false is the same as absent', input: { evidenceRequired: false }, expected: undefined },
    { case: 'absent stays absent', input: {}, expected: undefined },
  ])('$case', ({ input, expected }) => {
    const r = validatePolicy({ ...base, activityTypes: [type(input)] });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.policy.activityTypes[0]?.evidenceRequired).toBe(expected);
  });
  it('anything but true or false is refused, naming the field', () => {
    const r = validatePolicy({ ...base, activityTypes: [type({ evidenceRequired: 'yes' })] });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.issues).toEqual([
        { name: 'activityTypes.0.evidenceRequired', reason: 'must be true or false' },
      ]);
  });
});
