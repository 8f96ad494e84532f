import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { PlanItem } from '../../lib/model.ts';
import { Table } from '../../ui/Table.tsx';
import { QuantityOf, ValuedAmount } from './shared.tsx';

/** Plan items with their planned value and how it was computed. */
export function PlanItemsTable({
  items,
  typeName,
  actions,
}: {
  items: PlanItem[];
  typeName: (code: string) => string;
  actions?: (item: PlanItem, index: number) => ReactNode;
}) {
  const { t, tx, halfYear } = useI18n();
  const rows = items.map((item, index) => ({ item, index }));
  return (
    <Table
      caption={t('plan.items')}
      rows={rows}
      rowKey={(r) => String(r.index)}
      empty={t('plan.noItems')}
      columns={[
        {
          key: 'type',
          header: t('activity.type'),
          rowHeader: true,
          cell: (r) => typeName(r.item.typeCode),
        },
        {
          key: 'cat',
          header: t('estimate.exampleCategory'),
          cell: (r) => tx('category', r.item.category),
        },
        {
          key: 'per',
          header: t('activity.period'),
          cell: (r) => halfYear(r.item.period),
        },
        { key: 'qty', header: t('activity.quantity'), cell: (r) => <QuantityOf item={r.item} /> },
        {
          key: 'val',
          header: t('activity.value'),
          numeric: true,
          cell: (r) => <ValuedAmount valuation={r.item} label={typeName(r.item.typeCode)} />,
        },
        ...(actions
          ? [
              {
                key: 'act',
                header: t('common.actions'),
                cell: (r: { item: PlanItem; index: number }) => actions(r.item, r.index),
              },
            ]
          : []),
      ]}
    />
  );
}
