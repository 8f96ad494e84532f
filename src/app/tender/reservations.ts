import { checkReservation, reservationValidOn, type Reservation } from '../../domain/reservation.ts';
import { DomainError } from '../../domain/errors.ts';
import { writeAudit } from '../../db/audit.ts';
import {
  deleteReservation,
  reservationOf,
  reservationsOfSupplier,
  upsertReservation,
  type ReservationRow,
} from '../../db/repositories/reservations.ts';
import { supplierById } from '../../db/repositories/suppliers.ts';
import { isoDay } from '../clock.ts';
import { contractReaders, requireContract } from '../lifecycle/scope.ts';
import { defineUseCase, tenantOf } from '../use-case.ts';

export interface ReservationView extends Reservation {
  contractId: string;
  /** Whether the condition holds today. */
  validToday: boolean;
}

function present(row: ReservationRow, today: string): ReservationView {
  return {
    contractId: row.contractId,
    basis: row.basis as Reservation['basis'],
    ...(row.shareBp === null ? {} : { shareBp: row.shareBp }),
    reference: row.reference,
    validFrom: row.validFrom,
    validTo: row.validTo,
    validToday: reservationValidOn(row, today),
  };
}

/** Marks a contract reserved with the eligibility condition its supplier meets (advisor; audited). */
export const recordReservation = defineUseCase({
  name: 'contract.reservation.record',
  access: ['advisor'],
  async run({ deps, actor }, input: Reservation & { contractId: string }) {
    const { contractId, ...raw } = input;
    const r = checkReservation(raw);
    const tenantId = tenantOf(actor);
    return deps.db.transaction(async (tx) => {
      await requireContract(tx, actor, contractId, { forUpdate: true });
      const before = await reservationOf(tx, tenantId, contractId);
      const row = await upsertReservation(tx, {
        contractId,
        tenantId,
        basis: r.basis,
        shareBp: r.shareBp ?? null,
        reference: r.reference,
        validFrom: r.validFrom,
        validTo: r.validTo,
        recordedBy: actor.userId,
      });
      await writeAudit(tx, {
        tenantId,
        actorUserId: actor.userId,
        action: 'contract.reservation.record',
        objectType: 'contract',
        objectId: contractId,
        details: { before: before ? present(before, isoDay(deps.now())) : null, after: r },
        ip: actor.ip,
      });
      return present(row, isoDay(deps.now()));
    });
  },
});

/** The contract is no longer reserved (advisor; audited); idempotent: a contract not reserved stays so. */
export const removeReservation = defineUseCase({
  name: 'contract.reservation.remove',
  access: ['advisor'],
  async run({ deps, actor }, input: { contractId: string }) {
    const tenantId = tenantOf(actor);
    await deps.db.transaction(async (tx) => {
      await requireContract(tx, actor, input.contractId, { forUpdate: true });
      const before = await reservationOf(tx, tenantId, input.contractId);
      if (!before) return; // not reserved: nothing to remove, nothing to audit
      await deleteReservation(tx, tenantId, input.contractId);
      await writeAudit(tx, {
        tenantId,
        actorUserId: actor.userId,
        action: 'contract.reservation.remove',
        objectType: 'contract',
        objectId: input.contractId,
        details: { before: present(before, isoDay(deps.now())) },
        ip: actor.ip,
      });
    });
  },
});

/** The contract's reservation, or null when it is not reserved (whoever may see the contract). */
export const getReservation = defineUseCase({
  name: 'contract.reservation.get',
  access: contractReaders,
  async run({ deps, actor }, input: { contractId: string }) {
    await requireContract(deps.db, actor, input.contractId);
    const row = await reservationOf(deps.db, tenantOf(actor), input.contractId);
    return row ? present(row, isoDay(deps.now())) : null;
  },
});

/** The eligibility conditions a supplier holds on its reserved contracts (its profile). */
export const supplierEligibility = defineUseCase({
  name: 'supplier.eligibility',
  access: ['municipalityAdmin', 'advisor', 'contractManager', 'supplier'],
  async run({ deps, actor }, input: { supplierId: string }) {
    const tenantId = tenantOf(actor);
    const supplier = await supplierById(deps.db, tenantId, input.supplierId);
    if (!supplier || (actor.role === 'supplier' && actor.supplierId !== supplier.id))
      throw new DomainError('NOT_FOUND', 'No such supplier.');
    const today = isoDay(deps.now());
    const rows = await reservationsOfSupplier(deps.db, tenantId, supplier.id);
    return rows.map((r) => ({
      contractReference: r.reference,
      contractTitle: r.title,
      ...present(r.reservation, today),
    }));
  },
});
