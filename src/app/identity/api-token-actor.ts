import { writeAudit } from '../../db/audit.ts';
import { touchInBackground } from '../../db/last-used.ts';
import { apiTokenHolder, markApiTokenUsed, type ApiTokenHolder } from '../../db/repositories/actors.ts';
import type { Db } from '../../db/client.ts';
import { isRole } from '../../domain/access.ts';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { hashSecret } from '../tokens.ts';

/** lastUsedAt is written at most once a minute, in the background, to keep reads cheap. */
const touchEveryMs = 60 * 1000;

/**
 * A token's holder is remembered for a second (decision 030): 50 clients on one token make about
 * one lookup a second instead of one per request. Revoking a token or changing or removing a
 * membership forgets every remembered holder of this process at once (`forgetTokenHolders`);
 * another instance, or a change made outside Retour, takes effect within `rememberMs`. Unknown
 * tokens are never remembered, so a new token works at once and guessing gains nothing.
 */
const rememberMs = 1000;
const maxRemembered = 10_000;
interface Remembered {
  byHash: Map<string, { holder: ApiTokenHolder; until: number }>;
  /** Lookups under way: a burst of requests on one token waits for one query, not fifty. */
  asking: Map<string, { generation: number; answer: Promise<ApiTokenHolder | undefined> }>;
  /** Counts forgets: a lookup that started before one is neither remembered nor joined after it. */
  generation: number;
}
const remembered = new WeakMap<Db, Remembered>();

function rememberedHolder(db: Db, hash: string): Promise<ApiTokenHolder | undefined> {
  let memory = remembered.get(db);
  if (!memory) remembered.set(db, (memory = { byHash: new Map(), asking: new Map(), generation: 0 }));
  const known = memory.byHash.get(hash);
  if (known && known.until > performance.now()) return Promise.resolve(known.holder);
  const generation = memory.generation;
  const under = memory.asking.get(hash);
  if (under && under.generation === generation) return under.answer;
  const mem = memory;
  const answer = apiTokenHolder(db, hash)
    .then((holder) => {
      if (!holder) mem.byHash.delete(hash);
      else if (generation === mem.generation) {
        if (mem.byHash.size >= maxRemembered) mem.byHash.clear();
        mem.byHash.set(hash, { holder, until: performance.now() + rememberMs });
      }
      return holder;
    })
    .finally(() => {
      if (mem.asking.get(hash)?.answer === answer) mem.asking.delete(hash);
    });
  memory.asking.set(hash, { generation, answer });
  return answer;
}

/** Forgets every remembered token holder: after a token is revoked or a membership changed. */
export function forgetTokenHolders(db: Db): void {
  const memory = remembered.get(db);
  if (!memory) return;
  memory.byHash.clear();
  memory.generation++;
}

/**
 * The actor a bearer token stands for, or null (unknown, revoked, disabled user or membership).
 * The token's last use is kept to the minute and the first use of a (UTC) day is audited, in the
 * background: a burst of requests on one token never queues behind that bookkeeping.
 */
export async function actorForApiToken(
  deps: Pick<AppDeps, 'db' | 'now'>,
  secret: string,
  ip: string | null,
): Promise<Actor | null> {
  const { db } = deps;
  const row = await rememberedHolder(db, hashSecret(secret));
  if (!row || row.userDisabled || row.membershipDisabled || !isRole(row.role)) return null;
  const now = deps.now();
  const last = row.lastUsedAt;
  // The remembered holder keeps its last use current, as the row it stands for will be.
  if (!last || now.getTime() - last.getTime() >= touchEveryMs) row.lastUsedAt = now;
  touchInBackground(db, `apiToken:${row.tokenId}`, { last, now, everyMs: touchEveryMs }, async () => {
    const firstToday = !last || last.toISOString().slice(0, 10) !== now.toISOString().slice(0, 10);
    await db.transaction(async (tx) => {
      await markApiTokenUsed(tx, row.tokenId, now);
      if (firstToday) {
        await writeAudit(tx, {
          tenantId: row.tenantId,
          actorUserId: row.userId,
          actorLabel: row.email,
          action: 'apiToken.use',
          objectType: 'apiToken',
          objectId: row.tokenId,
          details: { name: row.tokenName },
          ip,
        });
      }
    });
  });
  return {
    userId: row.userId,
    email: row.email,
    tenantId: row.tenantId,
    role: row.role,
    membershipId: row.membershipId,
    supplierId: row.supplierId,
    initiativeId: row.initiativeId,
    via: 'token',
    ip,
  };
}
