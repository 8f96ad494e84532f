import type { Role } from '../domain/access.ts';
import { DomainError } from '../domain/errors.ts';
import type { Actor } from './actor.ts';
import type { AppDeps } from './deps.ts';

/** Who may run a use case: anyone, anyone signed in, or the listed roles (in the actor's tenant). */
export type Access = 'public' | 'signedIn' | readonly Role[];

export interface UseCaseContext<A extends Actor | null = Actor> {
  deps: AppDeps;
  actor: A;
}

export interface UseCase<I, O, A extends Actor | null = Actor> {
  /** Stable name, also the audit action (e.g. `contract.create`). */
  name: string;
  access: Access;
  run(ctx: UseCaseContext<A>, input: I): Promise<O>;
}

/**
 * Declares a use case with who may run it. This is the one place authorization by role happens;
 * routes call `execute` and never decide by hand. Row-level scope (tenant, own supplier, own
 * contracts) is enforced by the repositories the use case calls, which answer NOT_FOUND.
 */
export function defineUseCase<I, O>(
  def: UseCase<I, O, Actor> & { access: 'signedIn' | readonly Role[] },
): UseCase<I, O, Actor>;
export function defineUseCase<I, O>(
  def: UseCase<I, O, Actor | null> & { access: 'public' },
): UseCase<I, O, Actor | null>;
export function defineUseCase<I, O, A extends Actor | null>(def: UseCase<I, O, A>): UseCase<I, O, A> {
  return def;
}

export function authorize(access: Access, actor: Actor | null): void {
  if (access === 'public') return;
  if (!actor) throw new DomainError('UNAUTHENTICATED', 'Sign in first.');
  if (access === 'signedIn') return;
  if (!access.includes(actor.role)) {
    throw new DomainError('FORBIDDEN', `This action is not open to the role ${actor.role}.`);
  }
}

export async function execute<I, O, A extends Actor | null>(
  useCase: UseCase<I, O, A>,
  deps: AppDeps,
  actor: Actor | null,
  input: I,
): Promise<O> {
  authorize(useCase.access, actor);
  return useCase.run({ deps, actor: actor as A }, input);
}

/** The actor's tenant; use cases of municipality data call this first. */
export function tenantOf(actor: Actor): string {
  if (!actor.tenantId) throw new DomainError('FORBIDDEN', 'Choose a municipality to act in first.');
  return actor.tenantId;
}
