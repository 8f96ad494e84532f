import { useEffect, useId, useRef, useState, type ReactNode, type RefObject } from 'react';
import { cx } from './text.tsx';

export interface Column<Row> {
  key: string;
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  numeric?: boolean;
  /** The row header cell (`<th scope="row">`), usually the name. */
  rowHeader?: boolean;
  /** A sortable column's state (`aria-sort`); its header is then a button that changes it. */
  sort?: 'ascending' | 'descending' | 'none';
}

/**
 * True while the element is wider inside than outside (it scrolls sideways). Such a scroll container
 * must be reachable by keyboard (WCAG 2.1.1, and 1.4.10 reflow at 320 px), so it becomes a labelled,
 * focusable region; at full width it stays out of the tab order.
 */
function useScrolls(ref: RefObject<HTMLElement | null>): boolean {
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const check = () => setScrolls(el.scrollWidth > el.clientWidth + 1);
    check();
    const observer = new ResizeObserver(check);
    observer.observe(el);
    if (el.firstElementChild) observer.observe(el.firstElementChild);
    return () => observer.disconnect();
  }, [ref]);
  return scrolls;
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
  const container = useRef<HTMLDivElement>(null);
  const captionId = useId();
  const scrolls = useScrolls(container);
  return (
    <div
      ref={container}
      className="utrecht-table-container retour-table-container"
      {...(scrolls ? { role: 'region', 'aria-labelledby': captionId, tabIndex: 0 } : {})}
    >
      <table className="utrecht-table utrecht-table--html-table">
        <caption
          id={captionId}
          className={cx('utrecht-table__caption', captionHidden && 'retour-visually-hidden')}
        >
          {caption}
        </caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            {columns.map((c) => (
              <th
                key={c.key}
                scope="col"
                {...(c.sort ? { 'aria-sort': c.sort } : {})}
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
