import { describe, expect, it } from 'vitest';
import { notificationKinds } from '../src/app/notifications/notify.ts';
import { interpolate } from '../src/web/i18n/I18nProvider.tsx';
import { en } from '../src/web/i18n/en.ts';
import { nl, type MessageKey } from '../src/web/i18n/nl.ts';
import { notificationText, type Notification } from '../src/web/features/notifications/model.ts';

const tools = (dict: Record<MessageKey, string>) => ({
  t: (key: MessageKey, vars?: Record<string, string | number>) => interpolate(dict[key], vars),
  halfYear: (p: string) => (p === '2026-H1' ? 'H1-2026' : p),
  date: (d: string | null | undefined) => `D:${d ?? ''}`,
  typeName: (code: string) => `T:${code}`,
});

const params = {
  contractReference: 'VBS-1',
  contractTitle: 'Groen',
  supplierName: 'Het Park',
  period: '2026-H1',
  typeCode: 'internship',
  version: 2,
  dueDate: '2026-07-31',
};

const note = (kind: Notification['kind'], extra: Record<string, number> = {}): Notification => ({
  id: 'n',
  kind,
  subjectType: 'report',
  subjectId: 's',
  link: '/',
  params: { ...params, ...extra },
  createdAt: '2026-11-23T10:00:00.000Z',
  readAt: null,
});

describe('notification texts', () => {
  // Every kind the server writes reads as a whole sentence in Dutch and English: no key missing,
  // no placeholder left, and the parameters that matter in it.
  it.each(
    notificationKinds.flatMap((kind) => [
      { kind, count: 1 },
      { kind, count: 3 },
    ]),
  )('$kind (count $count) in Dutch and English', ({ kind, count }) => {
    for (const dict of [nl, en]) {
      const text = notificationText(note(kind, { count }), tools(dict));
      expect(text, `${kind}`).toBeTruthy();
      expect(text).not.toMatch(/\{\w+\}|undefined/);
    }
  });

  it('names the report, the half-year and the due date', () => {
    expect(notificationText(note('reportToVerify'), tools(nl))).toBe(
      'Het Park heeft de rapportage H1-2026 van VBS-1 ingediend: te verifiëren.',
    );
    expect(notificationText(note('reportsOverdue', { count: 3 }), tools(en))).toBe(
      '3 reports are overdue, the first was due D:2026-07-31.',
    );
    expect(notificationText(note('activityRejected'), tools(en))).toBe(
      'An activity (T:internship) in H1-2026 of VBS-1 was rejected.',
    );
  });
});
