import type { ButtonHTMLAttributes, ReactNode, Ref } from 'react';
import { Link as RouterLink, type LinkProps } from 'react-router';
import { cx } from './text.tsx';

type Variant = 'primary' | 'secondary' | 'subtle';
const variantClass: Record<Variant, string> = {
  primary: 'utrecht-button--primary-action',
  secondary: 'utrecht-button--secondary-action',
  subtle: 'utrecht-button--subtle',
};

export function Button({
  variant = 'secondary',
  busy,
  type = 'button',
  className,
  children,
  ...rest
}: {
  variant?: Variant;
  busy?: boolean;
  children: ReactNode;
  ref?: Ref<HTMLButtonElement>;
} & ButtonHTMLAttributes<HTMLButtonElement>) {
  return (
    <button
      type={type}
      className={cx('utrecht-button', variantClass[variant], busy && 'utrecht-button--busy', className)}
      aria-busy={busy || undefined}
      {...rest}
    >
      {children}
    </button>
  );
}

export function ButtonGroup({ children }: { children: ReactNode }) {
  return <div className="utrecht-button-group retour-button-group">{children}</div>;
}

/** A router link styled as NL Design System link. */
export function Link({ className, ...rest }: LinkProps) {
  return <RouterLink className={cx('utrecht-link utrecht-link--html-a', className)} {...rest} />;
}

/** A router link that looks like a button (for navigation, not actions). */
export function ButtonLink({ variant = 'secondary', className, ...rest }: LinkProps & { variant?: Variant }) {
  return (
    <RouterLink
      className={cx(
        'utrecht-button-link utrecht-button-link--html-a',
        `utrecht-button-link--${variantClass[variant].replace('utrecht-button--', '')}`,
        className,
      )}
      {...rest}
    />
  );
}
