import type { ReactNode } from 'react';
import { cx } from './text.tsx';

export interface Column<Row> {
  key: string;
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  numeric?: boolean;
  /** The row header cell (`<th scope="row">`), usually the name. */
  rowHeader?: boolean;
}

/** A data table with a caption; scrolls sideways on small screens instead of squeezing. */
export function Table<Row>({
  caption,
  columns,
  rows,
  rowKey,
  empty,
  footer,
  captionHidden,
}: {
  caption: ReactNode;
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
  empty?: ReactNode;
  footer?: ReactNode;
  captionHidden?: boolean;
}) {
  return (
    <div className="utrecht-table-container retour-table-container">
      <table className="utrecht-table utrecht-table--html-table">
        <caption className={cx('utrecht-table__caption', captionHidden && 'retour-visually-hidden')}>
          {caption}
        </caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            {columns.map((c) => (
              <th
                key={c.key}
                scope="col"
                className={cx(
                  'utrecht-table__header-cell',
                  c.numeric && 'utrecht-table__header-cell--numeric',
                )}
              >
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {rows.length === 0 && empty ? (
            <tr className="utrecht-table__row">
              <td className="utrecht-table__cell" colSpan={columns.length}>
                {empty}
              </td>
            </tr>
          ) : null}
          {rows.map((row) => (
            <tr className="utrecht-table__row" key={rowKey(row)}>
              {columns.map((c) =>
                c.rowHeader ? (
                  <th key={c.key} scope="row" className="utrecht-table__header-cell retour-row-header">
                    {c.cell(row)}
                  </th>
                ) : (
                  <td
                    key={c.key}
                    className={cx('utrecht-table__cell', c.numeric && 'utrecht-table__cell--numeric-data')}
                  >
                    {c.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
        {footer ? <tfoot className="utrecht-table__footer">{footer}</tfoot> : null}
      </table>
    </div>
  );
}
