import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { Button, ButtonGroup } from './Button.tsx';

/**
 * An action that cannot be taken back asks first, in the page (no browser dialog): the button turns into a
 * question with "yes" and "cancel"; the focus moves to "yes", and back to the button on cancel.
 */
export function ConfirmButton({
  label,
  ariaLabel,
  question,
  confirmLabel,
  onConfirm,
  disabled,
  variant = 'subtle',
}: {
  label: string;
  ariaLabel: string;
  question: string;
  confirmLabel: string;
  onConfirm: () => Promise<void> | void;
  disabled?: boolean;
  /** `subtle` for removing something; `primary` for the main step of a page (submitting). */
  variant?: 'subtle' | 'primary';
}) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const yes = useRef<HTMLButtonElement>(null);
  const start = useRef<HTMLButtonElement>(null);
  const returning = useRef(false);
  useEffect(() => {
    if (asking) yes.current?.focus();
    else if (returning.current) {
      returning.current = false;
      start.current?.focus();
    }
  }, [asking]);

  if (!asking)
    return (
      <Button
        ref={start}
        variant={variant}
        onClick={() => setAsking(true)}
        disabled={disabled}
        aria-label={ariaLabel}
      >
        {label}
      </Button>
    );
  return (
    <div role="group" aria-label={question} className="retour-confirm">
      <p className="utrecht-paragraph">{question}</p>
      <ButtonGroup>
        <Button
          ref={yes}
          variant="primary"
          busy={busy}
          disabled={busy}
          onClick={() => {
            setBusy(true);
            void Promise.resolve(onConfirm()).finally(() => setBusy(false));
          }}
        >
          {confirmLabel}
        </Button>
        <Button
          onClick={() => {
            returning.current = true;
            setAsking(false);
          }}
          disabled={busy}
        >
          {t('common.cancel')}
        </Button>
      </ButtonGroup>
    </div>
  );
}
