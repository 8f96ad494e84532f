import { describe, expect, it } from 'vitest';
import {
  sampleDocx,
  sampleGif,
  sampleJpeg,
  samplePdf,
  samplePlainZip,
  samplePng,
  sampleXlsx,
} from '../../test/sample-files.ts';
import { detectEvidenceType } from './detect-type.ts';

describe('detectEvidenceType', () => {
  it.each([
    { case: 'PDF', bytes: samplePdf(), name: 'loonstrook.pdf', mediaType: 'application/pdf' },
    { case: 'PDF under a wrong name', bytes: samplePdf(), name: 'photo.png', mediaType: 'application/pdf' },
    { case: 'PNG', bytes: samplePng(), name: 'scan.png', mediaType: 'image/png' },
    { case: 'JPEG named .jpeg', bytes: sampleJpeg(), name: 'foto.JPEG', mediaType: 'image/jpeg' },
    {
      case: 'DOCX',
      bytes: sampleDocx(),
      name: 'contract.docx',
      mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    },
    {
      case: 'XLSX',
      bytes: sampleXlsx(),
      name: 'uren.xlsx',
      mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    },
  ])('accepts $case', async ({ bytes, name, mediaType }) => {
    expect(await detectEvidenceType(bytes, name)).toMatchObject({ ok: true, mediaType });
  });

  it.each([
    { case: 'text pretending to be a PDF', bytes: new TextEncoder().encode('hello'), name: 'x.pdf' },
    { case: 'a GIF', bytes: sampleGif(), name: 'x.gif' },
    { case: 'a plain zip named .docx', bytes: samplePlainZip(), name: 'x.docx' },
    { case: 'a DOCX named .xlsx', bytes: sampleDocx(), name: 'x.xlsx' },
    { case: 'a DOCX named .pdf', bytes: sampleDocx(), name: 'x.pdf' },
    { case: 'an empty file', bytes: new Uint8Array(), name: 'x.pdf' },
  ])('refuses $case', async ({ bytes, name }) => {
    expect(await detectEvidenceType(bytes, name)).toMatchObject({ ok: false });
  });
});
