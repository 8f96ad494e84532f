// Minimal types for the parts of oidc-provider the tests use (the package ships none).
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';
  export interface ProviderConfig {
    clients?: Record<string, unknown>[];
    findAccount?: (
      ctx: unknown,
      id: string,
    ) => Promise<{ accountId: string; claims: () => Promise<Record<string, unknown>> } | undefined>;
    claims?: Record<string, string[]>;
    pkce?: { required?: () => boolean };
    features?: Record<string, unknown>;
    cookies?: Record<string, unknown>;
    [key: string]: unknown;
  }
  export class Provider {
    constructor(issuer: string, config?: ProviderConfig);
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    on(event: string, listener: (...args: unknown[]) => void): this;
  }
  export default Provider;
}
