export * from './tenancy.ts';
export * from './identity.ts';
export * from './parties.ts';
export * from './contracts.ts';
export * from './reporting.ts';
export * from './platform.ts';
export * from './marketplace.ts';
export * from './reservations.ts';
