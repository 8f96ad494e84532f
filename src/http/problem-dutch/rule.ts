/** One row of the Dutch table: an anchored English pattern and its Dutch (fixed, or built from the groups). */
export type Rule = readonly [RegExp, string | ((...groups: string[]) => string)];
