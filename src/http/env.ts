import type { AppDeps } from '../app/deps.ts';
import type { Actor } from '../app/actor.ts';

/** Hono context variables set by middleware: the dependencies and who is asking. */
export interface HttpEnv {
  Variables: {
    deps: AppDeps;
    actor: Actor | null;
    /** The session's CSRF token, when the request came with a session cookie. */
    csrfToken: string | null;
  };
}
