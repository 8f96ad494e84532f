import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { Obligation } from '../../lib/model.ts';
import { Explain, Paragraph } from '../../ui/text.tsx';

/** An obligation with its regime, and the rule and arithmetic one click away. */
export function ObligationResult({ obligation, open = false }: { obligation: Obligation; open?: boolean }) {
  const { t, tx, money } = useI18n();
  return (
    <div className="retour-stack">
      <p className="retour-figure" data-testid="obligation-amount">
        {money(obligation.amountCents)}
      </p>
      <Paragraph>
        {t('estimate.regime')}: {tx('regime', obligation.regime)}
      </Paragraph>
      {open ? (
        <Paragraph>{obligation.explanation}</Paragraph>
      ) : (
        <Explain summary={t('common.explain')}>
          <Paragraph>{obligation.explanation}</Paragraph>
        </Explain>
      )}
      <Paragraph small>
        {t('common.rule')}: <code>{obligation.ruleId}</code> ·{' '}
        {t('contract.policyVersion', { version: obligation.policyVersion })}
      </Paragraph>
    </div>
  );
}
