import ExcelJS from 'exceljs';
import { columnLetter, type ImportColumn, type Lang } from './table.ts';

export interface Choice {
  code: string;
  name: string;
}

export interface TemplateSpec {
  columns: readonly ImportColumn[];
  lang: Lang;
  /** Name of the data sheet (at most 31 characters). */
  title: string;
  /** Drop-down choices by column key; a column with several codes per cell warns instead of refusing. */
  choices: Partial<Record<string, readonly Choice[]>>;
  multiple?: readonly string[];
  /** Rows that get the drop-down lists and formats. */
  rows?: number;
}

const choicesSheet: Record<Lang, string> = { nl: 'Keuzes', en: 'Choices' };
const codeName: Record<Lang, [string, string]> = { nl: ['Code', 'Naam'], en: ['Code', 'Name'] };

/**
 * The XLSX template: the columns' headers in the user's language on the first sheet, with
 * drop-down lists (data validation) for the choice columns that point at the second sheet, which
 * lists every code with its name. Date columns are formatted as dates, amounts as euros.
 */
export async function templateXlsx(spec: TemplateSpec): Promise<Buffer> {
  const rows = spec.rows ?? 1000;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Retour';
  const sheet = workbook.addWorksheet(spec.title.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  const lists = workbook.addWorksheet(choicesSheet[spec.lang]);
  sheet.columns = spec.columns.map((c) => ({
    header: c.header[spec.lang],
    key: c.key,
    width: Math.max(12, c.header[spec.lang].length + 4),
    style:
      c.kind === 'date'
        ? { numFmt: 'yyyy-mm-dd' }
        : c.kind === 'euros'
          ? { numFmt: '#,##0.00' }
          : c.kind === 'text' || c.kind === 'codes'
            ? { numFmt: '@' }
            : {},
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  spec.columns.forEach((c, i) => {
    if (c.note) header.getCell(i + 1).note = c.note[spec.lang];
  });
  let listColumn = 1;
  spec.columns.forEach((c, i) => {
    const choices = spec.choices[c.key];
    if (!choices || choices.length === 0) return;
    const letter = columnLetter(listColumn - 1);
    const [code, name] = codeName[spec.lang];
    lists.getCell(1, listColumn).value = `${c.header[spec.lang]}: ${code}`;
    lists.getCell(1, listColumn + 1).value = name;
    choices.forEach((choice, j) => {
      lists.getCell(j + 2, listColumn).value = choice.code;
      lists.getCell(j + 2, listColumn + 1).value = choice.name;
    });
    lists.getColumn(listColumn).width = 24;
    lists.getColumn(listColumn + 1).width = 48;
    const range = `'${choicesSheet[spec.lang]}'!$${letter}$2:$${letter}$${choices.length + 1}`;
    const multiple = spec.multiple?.includes(c.key) ?? false;
    const validation: ExcelJS.DataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: [range],
      showErrorMessage: true,
      errorStyle: multiple ? 'warning' : 'stop',
      error: spec.lang === 'nl' ? 'Kies een code uit de lijst.' : 'Choose a code from the list.',
    };
    // exceljs squeezes alike rules into one range when it writes the file
    for (let r = 2; r <= rows + 1; r++) sheet.getCell(r, i + 1).dataValidation = validation;
    listColumn += 3;
  });
  lists.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The CSV template: UTF-8 with BOM, `;` separated (as Dutch Excel reads it), the header row only. */
export function templateCsv(spec: Pick<TemplateSpec, 'columns' | 'lang'>): string {
  return `\ufeff${spec.columns.map((c) => c.header[spec.lang]).join(';')}\r\n`;
}
