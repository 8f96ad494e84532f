import { createRequire } from 'node:module';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import PDFDocument from 'pdfkit';
import { formatEuro, formatEuroNl } from '../../domain/index.ts';
import type { AnyTable, CellValue, Column, ColumnType, Lang } from '../table.ts';

const require = createRequire(import.meta.url);
/** Source Sans 3 (SIL Open Font License), embedded: PDF/UA wants every font in the file. */
const fontFile = (weight: 400 | 700) =>
  require.resolve(`@fontsource/source-sans-3/files/source-sans-3-latin-${weight}-normal.woff`);

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

/** `€ 25.000,00` in Dutch, `€25,000.00` in English; dates `1 juli 2026` / `1 July 2026`. */
export function money(cents: number, lang: Lang): string {
  if (lang === 'nl') return formatEuroNl(cents);
  const text = formatEuro(cents).replace(/[.,]/g, (m) => (m === '.' ? ',' : '.'));
  return text;
}

export function longDate(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '';
  const d = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(d);
}

/** A cell as a person reads it in the document's language. */
export function cellText(type: ColumnType, v: CellValue, lang: Lang): string {
  if (v === null || v === undefined || v === '') return '';
  if (typeof v === 'number') {
    if (type === 'cents') return money(v, lang);
    return new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 2 }).format(v);
  }
  if (type === 'date' || type === 'dateTime') return longDate(v, lang);
  return v;
}

const numeric = (type: ColumnType) => type === 'cents' || type === 'integer' || type === 'decimal';

export interface BarSeries {
  label: string;
  color: string;
}

/**
 * A tagged PDF (PDF/UA identification, PDF 1.7) built in reading order: a Document structure with
 * headings, paragraphs, tables whose header cells are TH with a scope, and figures with alt text.
 * Fonts are embedded; page furniture is not drawn, so nothing untagged is on a page.
 */
export class TaggedPdf {
  readonly doc: Doc;
  readonly lang: Lang;
  private readonly root: Struct;

  constructor(options: { title: string; lang: Lang; subject?: string }) {
    this.lang = options.lang;
    this.doc = new PDFDocument({
      pdfVersion: '1.7',
      subset: 'PDF/UA' as PDFKit.Mixins.PDFSubsets,
      tagged: true,
      lang: options.lang === 'nl' ? 'nl-NL' : 'en-GB',
      displayTitle: true,
      size: 'A4',
      margins: { top: 56, bottom: 56, left: 56, right: 56 },
      info: {
        Title: options.title,
        Subject: options.subject ?? options.title,
        Author: 'Retour',
        Creator: 'Retour',
      },
    });
    this.doc.registerFont('body', fontFile(400));
    this.doc.registerFont('bold', fontFile(700));
    this.doc.font('body').fontSize(10.5);
    this.root = this.doc.struct('Document');
    this.doc.addStructure(this.root);
  }

  private add(tag: string, draw: () => void, options: PDFKit.Mixins.StructureElementOptions = {}) {
    const element = this.doc.struct(tag, options, draw);
    this.root.add(element);
    element.end();
  }

  heading(level: 1 | 2 | 3, text: string): this {
    const size = { 1: 20, 2: 14, 3: 12 }[level];
    if (level > 1) this.doc.moveDown(0.6);
    this.ensureRoom(size * 3);
    this.add(`H${level}`, () => {
      this.doc.font('bold').fontSize(size).fillColor('#1a1a1a').text(text, this.doc.page.margins.left);
    });
    this.doc.font('body').fontSize(10.5).moveDown(0.3);
    return this;
  }

  paragraph(text: string, options: { small?: boolean } = {}): this {
    this.add('P', () => {
      this.doc
        .font('body')
        .fontSize(options.small ? 9 : 10.5)
        .fillColor(options.small ? '#444444' : '#1a1a1a')
        .text(text, this.doc.page.margins.left, undefined, { width: this.contentWidth() });
    });
    this.doc.fillColor('#1a1a1a').fontSize(10.5).moveDown(0.5);
    return this;
  }

  /** Label–value pairs as a two-column table whose labels are row headers. */
  facts(pairs: readonly (readonly [string, string])[]): this {
    this.doc.table({
      structParent: this.root,
      position: { x: this.doc.page.margins.left },
      maxWidth: this.contentWidth(),
      columnStyles: [170, '*'],
      defaultStyle: { border: 0, padding: { top: 2, bottom: 2, left: 0, right: 6 } },
      data: pairs.map(([label, value]) => [
        { text: label, type: 'TH', scope: 'Row', font: { src: 'bold' } } as PDFKit.Mixins.CellOptions,
        { text: value },
      ]),
    } as PDFKit.Mixins.TableOptionsWithData);
    this.doc.font('body').moveDown(0.6);
    return this;
  }

  /** A table of rows at hand; header cells are column headers, amounts right-aligned. */
  table(table: AnyTable, options: { caption?: boolean } = {}): this {
    const rows = table.rows as readonly unknown[];
    const lang = this.lang;
    if (options.caption) this.paragraph(table.title[lang], { small: true });
    const columns = table.columns as readonly Column<unknown>[];
    this.ensureRoom(60);
    this.doc.fontSize(columns.length > 6 ? 8 : 9.5);
    this.doc.table({
      structParent: this.root,
      position: { x: this.doc.page.margins.left },
      maxWidth: this.contentWidth(),
      columnStyles: columns.map((c) => ({
        width: '*',
        align: { x: numeric(c.type) ? 'right' : 'left', y: 'top' },
      })),
      defaultStyle: { border: { bottom: 0.5 }, borderColor: '#9e9e9e', padding: 3 },
      data: [
        columns.map(
          (c) =>
            ({
              text: c.header[lang],
              type: 'TH',
              scope: 'Column',
              font: { src: 'bold' },
              backgroundColor: '#eeeeee',
            }) as PDFKit.Mixins.CellOptions,
        ),
        ...rows.map((row) => columns.map((c) => ({ text: cellText(c.type, c.value(row, lang), lang) }))),
      ],
    } as PDFKit.Mixins.TableOptionsWithData);
    this.doc.font('body').fontSize(10.5).moveDown(0.8);
    return this;
  }

  /**
   * A horizontal bar chart as one Figure with alt text (the numbers are also in the table that
   * follows it, as on the screen).
   */
  barChart(options: {
    alt: string;
    groups: readonly { label: string; values: readonly number[] }[];
    series: readonly BarSeries[];
  }): this {
    const { groups, series } = options;
    if (groups.length === 0) return this;
    const doc = this.doc;
    const barHeight = 7;
    const groupHeight = series.length * barHeight + 10;
    const height = groups.length * groupHeight + 22;
    this.ensureRoom(Math.min(height, 400));
    const left = doc.page.margins.left;
    const labelWidth = 130;
    const plotWidth = this.contentWidth() - labelWidth - 10;
    const max = Math.max(1, ...groups.flatMap((g) => g.values));
    this.add(
      'Figure',
      () => {
        let y = doc.y;
        // legend
        let x = left + labelWidth;
        doc.font('body').fontSize(8);
        for (const s of series) {
          doc.rect(x, y + 1, 8, 8).fill(s.color);
          doc.fillColor('#1a1a1a').text(s.label, x + 11, y, { lineBreak: false });
          x += 11 + doc.widthOfString(s.label) + 14;
        }
        y += 16;
        for (const g of groups) {
          if (y + groupHeight > doc.page.maxY()) {
            doc.addPage();
            y = doc.y;
          }
          doc
            .fillColor('#1a1a1a')
            .text(g.label, left, y, { width: labelWidth - 6, height: groupHeight, ellipsis: true });
          g.values.forEach((v, i) => {
            const w = Math.max(0.5, (Math.max(0, v) / max) * plotWidth);
            doc
              .rect(left + labelWidth, y + i * barHeight, w, barHeight - 1)
              .fill(series[i]?.color ?? '#555555');
          });
          y += groupHeight;
        }
        doc.fillColor('#1a1a1a');
        doc.y = y;
        doc.x = left;
      },
      { alt: options.alt },
    );
    doc.fontSize(10.5).moveDown(0.5);
    return this;
  }

  /** Writes the document to `out` and waits until it is all written. */
  async finish(out: Writable): Promise<void> {
    const done = pipeline(this.doc, out);
    this.root.end();
    this.doc.end();
    await done;
  }

  private contentWidth() {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  private ensureRoom(points: number) {
    if (this.doc.y + points > this.doc.page.maxY()) this.doc.addPage();
  }
}
