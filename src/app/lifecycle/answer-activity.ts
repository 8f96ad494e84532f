import { DomainError, invalid } from '../../domain/errors.ts';
import { activityInScope, setSupplierReply } from '../../db/repositories/activities.ts';
import { listEvidenceOfActivity } from '../../db/repositories/evidence.ts';
import { advisorRecipients } from '../../db/repositories/report-deadlines.ts';
import { defineUseCase, tenantOf } from '../use-case.ts';
import { notifyQuestionAnswered } from '../notifications/notify.ts';
import { mailAboutActivity } from './activity-mail.ts';
import { presentActivity, type ActivityView } from './present.ts';
import { activityWithLockedReport } from './verify-activity.ts';
import { audit, requireContract, scopeOf } from './scope.ts';

export interface AnswerActivityInput {
  activityId: string;
  /** The supplier's answer in words. */
  reply?: string | undefined;
  /** Evidence files of this activity that answer the question (uploaded first, while moreInfo). */
  evidenceIds?: string[] | undefined;
}

/**
 * The supplier answers the advisor's "more info" question about an activity of a submitted report,
 * with a reply and/or evidence uploaded to the activity. The activity goes back to `pending` for
 * the advisor's decision, and the advisor who asked (else every advisor) gets a mail.
 */
export const answerActivity = defineUseCase<AnswerActivityInput, ActivityView>({
  name: 'activity.answer',
  access: ['supplier'],
  async run({ deps, actor }, input) {
    const tenantId = tenantOf(actor);
    const reply = input.reply?.trim() || null;
    const evidenceIds = [...new Set(input.evidenceIds ?? [])];
    if (!reply && evidenceIds.length === 0)
      throw invalid('An answer needs a reply or evidence.', [
        { name: 'reply', reason: 'give a reply, evidenceIds, or both' },
      ]);
    const now = deps.now();
    return deps.db.transaction(async (tx) => {
      const { found, report } = await activityWithLockedReport(tx, actor, input.activityId);
      const current = await activityInScope(tx, scopeOf(actor), found.id);
      if (report.status !== 'submitted' || current?.verification !== 'moreInfo')
        throw new DomainError(
          'INVALID_STATE',
          'Only an activity the advisor asked more about (in a submitted report) is answered.',
        );
      const evidence = await listEvidenceOfActivity(tx, tenantId, found.id);
      const unknown = evidenceIds.filter((id) => !evidence.some((e) => e.id === id));
      if (unknown.length > 0)
        throw invalid('Evidence not of this activity.', [
          {
            name: 'evidenceIds',
            reason: `${unknown.join(', ')} is not evidence of this activity (upload it first)`,
          },
        ]);
      const activity = await setSupplierReply(tx, tenantId, found.id, { reply: reply ?? '', at: now });
      const contract = await requireContract(tx, actor, activity.contractId);
      const to = await advisorRecipients(tx, tenantId, current.verifiedBy);
      const files = evidence.filter((e) => evidenceIds.includes(e.id)).map((e) => e.filename);
      const message = [reply, ...files.map((f) => `+ ${f}`)].filter(Boolean).join('\n');
      const mailed = await mailAboutActivity(tx, deps, {
        kind: 'activityAnswered',
        contract,
        activity,
        message,
        to,
      });
      await notifyQuestionAnswered(tx, deps, actor, {
        contract,
        reportId: report.id,
        activityId: activity.id,
        period: activity.period,
        askedBy: current.verifiedBy,
      });
      await audit(tx, actor, 'activity.answer', 'activity', activity.id, {
        reportId: report.id,
        question: current.verificationReason,
        reply,
        evidenceIds,
        mailedTo: mailed,
      });
      return presentActivity(activity);
    });
  },
});
