import { useI18n, type MessageKey } from '../../i18n/I18nProvider.tsx';
import { Table } from '../../ui/Table.tsx';
import { DataList, Explain, Heading, Paragraph } from '../../ui/text.tsx';
import { QuantityText } from './QuantityText.tsx';
import type { TargetGroupData } from '../../lib/model.ts';
import { TargetGroupRates } from '../policies/TargetGroupRates.tsx';

export interface FulfilmentExample {
  typeCode: string;
  name: string;
  category: string;
  quantity: number;
  unit: string;
  explanation: string;
}

export interface Estimate extends TargetGroupData {
  tenant: { slug: string; name: string };
  awardDate: string;
  policyVersion: number;
  obligationCents: number;
  regime: 'none' | 'trust' | 'plan';
  explanation: string;
  ruleId: string;
  examples: FulfilmentExample[];
}

export function EstimateResult({ estimate }: { estimate: Estimate }) {
  const { t, tx, money } = useI18n();
  return (
    <section aria-labelledby="estimate-result" className="retour-stack">
      <Heading level={2} id="estimate-result">
        {t('estimate.result')}
      </Heading>
      <div className="retour-grid">
        <div className="retour-card">
          <Paragraph>{t('estimate.obligation')}</Paragraph>
          <p className="retour-figure" data-testid="estimate-obligation">
            {money(estimate.obligationCents)}
          </p>
          <Explain summary={t('common.explain')}>
            <Paragraph>{estimate.explanation}</Paragraph>
            <Paragraph small>
              {t('common.rule')}: <code>{estimate.ruleId}</code>
            </Paragraph>
          </Explain>
        </div>
        <div className="retour-card">
          <Paragraph>{t('estimate.regime')}</Paragraph>
          <p className="retour-figure" data-testid="estimate-regime">
            {tx('regime', estimate.regime)}
          </p>
          <Paragraph>{t(`regimeHelp.${estimate.regime}` as MessageKey)}</Paragraph>
        </div>
      </div>
      <DataList
        items={[
          {
            key: t('estimate.policyVersion'),
            value: t('estimate.policyVersionValue', {
              version: estimate.policyVersion,
              tenant: estimate.tenant.name,
            }),
          },
        ]}
      />
      <Heading level={3}>{t('estimate.examplesTitle')}</Heading>
      {estimate.examples.length === 0 ? (
        <Paragraph>{t('estimate.examplesNone')}</Paragraph>
      ) : (
        <>
          <Paragraph>{t('estimate.examplesLead')}</Paragraph>
          <Table
            caption={t('estimate.examplesTitle')}
            captionHidden
            rows={estimate.examples}
            rowKey={(r) => r.typeCode}
            columns={[
              { key: 'name', header: t('estimate.exampleActivity'), cell: (r) => r.name, rowHeader: true },
              {
                key: 'category',
                header: t('estimate.exampleCategory'),
                cell: (r) => tx('category', r.category),
              },
              {
                key: 'quantity',
                header: t('estimate.exampleQuantity'),
                cell: (r) => (
                  <Explain summary={<QuantityText unit={r.unit} quantity={r.quantity} />}>
                    <Paragraph>{r.explanation}</Paragraph>
                  </Explain>
                ),
              },
            ]}
          />
        </>
      )}
      <TargetGroupRates data={estimate} />
      <Paragraph small>{t('estimate.disclaimer')}</Paragraph>
    </section>
  );
}
