import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import PDFDocument from 'pdfkit';

/** A tender clause to hand to a buyer: title, the clause, and where it came from. */
export interface ClauseDocument {
  lang: 'nl' | 'en';
  title: string;
  clause: string;
  /** One line naming the municipality, policy version and the figures it was filled with. */
  source: string;
}

const langTag = (lang: 'nl' | 'en') => (lang === 'nl' ? 'nl-NL' : 'en-GB');

/** The clause as a Word document (DOCX, Office Open XML), written by the `docx` library. */
export async function clauseDocx(d: ClauseDocument): Promise<Uint8Array> {
  const language = { value: langTag(d.lang) };
  const doc = new Document({
    creator: 'Retour',
    title: d.title,
    description: d.source,
    styles: { default: { document: { run: { language, font: 'Calibri', size: 22 } } } },
    sections: [
      {
        children: [
          new Paragraph({
            heading: HeadingLevel.HEADING_1,
            children: [new TextRun({ text: d.title, language })],
          }),
          ...d.clause
            .split('\n')
            .map((line) => new Paragraph({ children: [new TextRun({ text: line, language })] })),
          new Paragraph({ children: [new TextRun({ text: d.source, italics: true, size: 18, language })] }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** The clause as a tagged PDF (PDF/UA structure: H1 and P), written by pdfkit. */
export function clausePdf(d: ClauseDocument): Promise<Uint8Array> {
  const doc = new PDFDocument({
    pdfVersion: '1.7',
    tagged: true,
    lang: langTag(d.lang),
    displayTitle: true,
    info: { Title: d.title, Creator: 'Retour' },
    margin: 56,
    size: 'A4',
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
  const root = doc.struct('Document');
  doc.addStructure(root);
  root.add(
    doc.struct('H1', {}, () => {
      doc.font('Helvetica-Bold').fontSize(16).text(d.title);
    }),
  );
  for (const line of d.clause.split('\n'))
    root.add(
      doc.struct('P', {}, () => {
        doc.font('Helvetica').fontSize(11).moveDown(0.5).text(line, { align: 'left' });
      }),
    );
  root.add(
    doc.struct('P', {}, () => {
      doc.font('Helvetica-Oblique').fontSize(9).moveDown(1).text(d.source);
    }),
  );
  root.end();
  doc.end();
  return done;
}
