import type { EvidenceRow } from '../../db/repositories/evidence.ts';

export interface EvidenceView {
  id: string;
  activityId: string;
  filename: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  uploadedAt: string;
}

export const presentEvidence = (row: EvidenceRow): EvidenceView => ({
  id: row.id,
  activityId: row.activityId,
  filename: row.filename,
  mediaType: row.mediaType,
  sizeBytes: row.sizeBytes,
  sha256: row.sha256,
  uploadedAt: row.createdAt.toISOString(),
});
