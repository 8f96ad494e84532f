/** What the demo's base rows are called by, for the parts of the demo seeded after them. */
export interface DemoIds {
  tenantId: string;
  supplierIds: Record<string, string>;
  userIds: Record<string, string>;
}
