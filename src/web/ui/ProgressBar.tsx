import type { ReactNode } from 'react';

/**
 * Obligation progress: planned (approved plan), realised (reported) and verified as bars, the
 * expected pace and the forecast as markers. Purely visual (aria-hidden); the same numbers are always next to it as text.
 */
export function ProgressBar({
  obligationCents,
  plannedCents,
  realisedCents,
  verifiedCents,
  expectedCents,
  forecastCents,
  legend,
}: {
  obligationCents: number;
  plannedCents?: number | undefined;
  realisedCents: number;
  verifiedCents: number;
  expectedCents?: number | undefined;
  forecastCents?: number | undefined;
  legend?: ReactNode;
}) {
  const max = Math.max(obligationCents, plannedCents ?? 0, realisedCents, forecastCents ?? 0, 1);
  const pct = (c: number) => `${Math.min(100, (c / max) * 100).toFixed(2)}%`;
  return (
    <div className="retour-progress">
      <div className="retour-progress__track" aria-hidden="true">
        {plannedCents ? (
          <div
            className="retour-progress__bar retour-progress__bar--planned"
            style={{ width: pct(plannedCents) }}
          />
        ) : null}
        <div
          className="retour-progress__bar retour-progress__bar--realised"
          style={{ width: pct(realisedCents) }}
        />
        <div
          className="retour-progress__bar retour-progress__bar--verified"
          style={{ width: pct(verifiedCents) }}
        />
        {expectedCents !== undefined ? (
          <div
            className="retour-progress__marker retour-progress__marker--expected"
            style={{ left: pct(expectedCents) }}
          />
        ) : null}
        {forecastCents !== undefined ? (
          <div
            className="retour-progress__marker retour-progress__marker--forecast"
            style={{ left: pct(forecastCents) }}
          />
        ) : null}
        <div
          className="retour-progress__marker retour-progress__marker--obligation"
          style={{ left: pct(obligationCents) }}
        />
      </div>
      {legend}
    </div>
  );
}

/** A determinate progress indicator for uploads, with its own accessible name. */
export function UploadProgress({ fraction, label }: { fraction: number; label: string }) {
  return (
    <div className="retour-upload-progress">
      <progress max={100} value={Math.round(fraction * 100)} aria-label={label} />
      <span aria-hidden="true"> {Math.round(fraction * 100)}%</span>
    </div>
  );
}
