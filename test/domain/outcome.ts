/** What a call gives: its result, or the code, message and issues it throws (to compare two paths). */
export function outcome<T>(fn: () => T): { ok: T } | { thrown: unknown } {
  try {
    return { ok: fn() };
  } catch (e) {
    const { code, message, issues } = e as { code?: unknown; message?: unknown; issues?: unknown };
    return { thrown: { code, message, issues } };
  }
}
