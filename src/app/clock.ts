/** Today's date (UTC) as `YYYY-MM-DD`, the form the domain takes. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
