import { useI18n, type MessageKey } from '../../i18n/I18nProvider.tsx';

/** "0,71 fte-jaar", "3 ×", "€ 30.000,00 inkoop": a quantity in the unit the API names. */
export function QuantityText({ unit, quantity }: { unit: string; quantity: number }) {
  const { t, number, money } = useI18n();
  const key = `unit.${unit}` as MessageKey;
  if (unit === 'euroSpent' || unit === 'euroGiven')
    return <>{t(key, { amount: money(Math.round(quantity * 100)) })}</>;
  if (unit === 'fteYear' || unit === 'unit' || unit === 'hour') return <>{t(key, { n: number(quantity) })}</>;
  // A unit this UI has no words for yet: a plain count, never the API's internal code.
  return <>{t('unit.unit', { n: number(quantity) })}</>;
}
