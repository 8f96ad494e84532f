import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

export interface Series {
  key: string;
  label: string;
  className: string;
}

/**
 * A grouped bar chart, hidden from assistive technology: the data table next to it is the text
 * alternative (recharts' own accessibility layer is off, or axe finds focusable elements inside aria-hidden).
 */
export function BarChartBox<Row extends Record<string, unknown>>({
  rows,
  categoryKey,
  series,
}: {
  rows: Row[];
  categoryKey: string;
  series: Series[];
}) {
  const { moneyShort } = useI18n();
  return (
    <div className="retour-chart" aria-hidden="true">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} accessibilityLayer={false} margin={{ top: 8, right: 16, bottom: 8, left: 16 }}>
          <CartesianGrid strokeDasharray="3 3" className="retour-chart__grid" />
          <XAxis dataKey={categoryKey} tick={{ fontSize: 12 }} />
          <YAxis tickFormatter={(v: number) => moneyShort(v)} width={96} tick={{ fontSize: 12 }} />
          <Tooltip formatter={(v) => moneyShort(Number(v))} />
          {series.map((s) => (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={s.label}
              className={s.className}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
      <ul className="retour-legend">
        {series.map((s) => (
          <li key={s.key}>
            <span className={`retour-swatch ${s.className.replace('retour-bar', 'retour-swatch')}`} />{' '}
            {s.label}
          </li>
        ))}
      </ul>
    </div>
  );
}
