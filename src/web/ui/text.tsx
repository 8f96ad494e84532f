import type { HTMLAttributes, ReactNode } from 'react';

type Level = 1 | 2 | 3 | 4 | 5;
const tags = { 1: 'h1', 2: 'h2', 3: 'h3', 4: 'h4', 5: 'h5' } as const;

/** NL Design System heading; `level` is the document outline, `appearance` only the look. */
export function Heading({
  level,
  appearance,
  children,
  className,
  ...rest
}: { level: Level; appearance?: Level; children: ReactNode } & HTMLAttributes<HTMLHeadingElement>) {
  const Tag = tags[level];
  return (
    <Tag className={cx(`utrecht-heading-${appearance ?? level}`, className)} {...rest}>
      {children}
    </Tag>
  );
}

export function Paragraph({
  lead,
  small,
  children,
  className,
  ...rest
}: { lead?: boolean; small?: boolean; children: ReactNode } & HTMLAttributes<HTMLParagraphElement>) {
  return (
    <p
      className={cx(
        'utrecht-paragraph',
        lead && 'utrecht-paragraph--lead',
        small && 'utrecht-paragraph--small',
        className,
      )}
      {...rest}
    >
      {children}
    </p>
  );
}

export function cx(...names: (string | false | null | undefined)[]): string {
  return names.filter(Boolean).join(' ');
}

/** Key/value pairs (`<dl>`), e.g. the facts of a contract. */
export function DataList({ items }: { items: { key: ReactNode; value: ReactNode }[] }) {
  return (
    <dl className="utrecht-data-list utrecht-data-list--rows retour-data-list">
      {items.map((item, i) => (
        <div className="utrecht-data-list__item" key={i}>
          <dt className="utrecht-data-list__item-key">{item.key}</dt>
          <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">
            {item.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}

type BadgeTone = 'success' | 'warning' | 'danger' | 'neutral' | 'active';
export function StatusBadge({ tone, children }: { tone: BadgeTone; children: ReactNode }) {
  return <span className={`utrecht-status-badge utrecht-status-badge--${tone}`}>{children}</span>;
}

/** Alert box; errors are announced (role=alert), other tones politely (role=status). */
export function Alert({
  type,
  heading,
  children,
  id,
}: {
  type: 'info' | 'ok' | 'warning' | 'error';
  heading?: ReactNode;
  children?: ReactNode;
  id?: string;
}) {
  return (
    <div
      className={`utrecht-alert utrecht-alert--${type}`}
      role={type === 'error' ? 'alert' : 'status'}
      id={id}
    >
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">
          {heading ? <p className="utrecht-paragraph retour-alert-heading">{heading}</p> : null}
          {children}
        </div>
      </div>
    </div>
  );
}

/** "Every euro explains itself": the rule and the arithmetic, one click away. */
export function Explain({ summary, children }: { summary: ReactNode; children: ReactNode }) {
  return (
    <details className="retour-explain">
      <summary>{summary}</summary>
      <div className="retour-explain__body">{children}</div>
    </details>
  );
}
