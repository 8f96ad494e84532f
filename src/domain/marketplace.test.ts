import { describe, expect, it } from 'vitest';
import { DomainError } from './errors.ts';
import {
  activityTypeOfPledge,
  canReview,
  canSubmit,
  isVisibleToSuppliers,
  pledgeQuantity,
  statusAfterEdit,
  type PledgeKind,
  type PledgeQuantity,
  type ProfileStatus,
} from './marketplace.ts';

describe('pledgeQuantity', () => {
  it.each([
    { case: 'hours', kind: 'hours', q: { hours: 16 }, out: { hours: 16 } },
    { case: 'money', kind: 'money', q: { amountCents: 50_000 }, out: { amountCents: 50_000 } },
    {
      case: 'goods valued in cents',
      kind: 'goods',
      q: { amountCents: 12_500 },
      out: { amountCents: 12_500 },
    },
  ] as { case: string; kind: PledgeKind; q: PledgeQuantity; out: PledgeQuantity }[])(
    'accepts $case',
    ({ kind, q, out }) => expect(pledgeQuantity(kind, q)).toEqual(out),
  );

  it.each([
    { case: 'hours without hours', kind: 'hours', q: {}, fields: ['hours'] },
    { case: 'hours with an amount', kind: 'hours', q: { hours: 2, amountCents: 1 }, fields: ['amountCents'] },
    { case: 'money without amount', kind: 'money', q: {}, fields: ['amountCents'] },
    { case: 'goods with hours', kind: 'goods', q: { hours: 1, amountCents: 1 }, fields: ['hours'] },
  ] as { case: string; kind: PledgeKind; q: PledgeQuantity; fields: string[] }[])(
    'refuses $case, naming the field',
    ({ kind, q, fields }) => {
      try {
        pledgeQuantity(kind, q);
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(DomainError);
        expect((e as DomainError).issues.map((i) => i.name)).toEqual(fields);
      }
    },
  );

  it('maps every kind onto a catalogue type of the social domain', () =>
    expect(activityTypeOfPledge).toEqual({
      hours: 'initiative-hours',
      money: 'initiative-money',
      goods: 'initiative-goods',
    }));
});

describe('profile states', () => {
  it.each([
    { status: 'draft', visible: false, afterEdit: 'draft', submit: true, approve: false, reject: false },
    { status: 'submitted', visible: false, afterEdit: 'draft', submit: false, approve: true, reject: true },
    { status: 'approved', visible: true, afterEdit: 'approved', submit: false, approve: false, reject: true },
    { status: 'rejected', visible: false, afterEdit: 'draft', submit: true, approve: false, reject: false },
  ] as {
    status: ProfileStatus;
    visible: boolean;
    afterEdit: ProfileStatus;
    submit: boolean;
    approve: boolean;
    reject: boolean;
  }[])('$status', ({ status, visible, afterEdit, submit, approve, reject }) => {
    expect(isVisibleToSuppliers(status)).toBe(visible);
    expect(statusAfterEdit(status)).toBe(afterEdit);
    expect(canSubmit(status)).toBe(submit);
    expect(canReview(status, 'approved')).toBe(approve);
    expect(canReview(status, 'rejected')).toBe(reject);
  });
});
