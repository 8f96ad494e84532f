/**
 * The 45 divisions of the Common Procurement Vocabulary (CPV 2008, Regulation (EC) No 213/2008):
 * the first two digits of every CPV code. Retour does not ship the whole vocabulary (about 9,450
 * codes); a code is known when its form is right and its division exists (decision 017).
 */
export const cpvDivisions: ReadonlySet<string> = new Set([
  '03', '09', '14', '15', '16', '18', '19', '22', '24', '30', '31', '32', '33', '34', '35',
  '37', '38', '39', '41', '42', '43', '44', '45', '48', '50', '51', '55', '60', '63', '64',
  '65', '66', '70', '71', '72', '73', '75', '76', '77', '79', '80', '85', '90', '92', '98',
]); // prettier-ignore

/**
 * Why a CPV code is refused, or undefined when it is known: eight digits with an optional check
 * digit (`45000000-7`), in a CPV 2008 division, and the digits after the first level that is zero
 * are zero too for group, class and category (the vocabulary is a tree: 45200000, not 45020000).
 * @example cpvIssue('45000000-7') // undefined;  cpvIssue('99000000') // 'unknown CPV division 99'
 */
export function cpvIssue(code: string): string | undefined {
  if (typeof code !== 'string' || !/^\d{8}(-\d)?$/.test(code))
    return 'must be a CPV code: eight digits and a check digit (45000000-7)';
  const division = code.slice(0, 2);
  if (!cpvDivisions.has(division)) return `unknown CPV code: there is no CPV division ${division}`;
  // group, class and category: one digit each, and a level below a zero level is zero too
  const levels = code.slice(2, 5);
  const firstZero = levels.indexOf('0');
  if (firstZero >= 0 && /[1-9]/.test(levels.slice(firstZero)))
    return `unknown CPV code: ${code.slice(0, 8)} is not a node of the CPV tree`;
  return undefined;
}
