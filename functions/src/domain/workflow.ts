/**
 * How the domain carries out the workflow: read, decide with the transition table
 * (@sinergi/shared/workflow), write the change plan through the repository, and explain a failed write
 * by the guards of the change that failed. A write whose read went stale (a proposal came or went) is
 * decided again from a fresh read, a few times.
 */
import type { ChangePlan } from '@sinergi/shared/workflow';
import {
  explainFailure,
  type GuardContext,
  type Violation,
  type WorkflowLimits,
} from '@sinergi/shared/workflow';
import {
  CapacityFullError,
  ConflictError,
  type DomainError,
  ForbiddenError,
  LimitExceededError,
  NotEligibleError,
  NotFoundError,
  PairDeclinedError,
  ValidationError,
} from './errors';
import { PlanConflictError, type Repository } from './ports';

/** How many times a decision built from a read that went stale is made again before answering 409. */
export const STALE_READ_ATTEMPTS = 5;

/** The named domain error of a violated rule. */
export function violationError(v: Violation): DomainError {
  switch (v.problem) {
    case 'not-found':
      return new NotFoundError(v.detail);
    case 'forbidden':
      return new ForbiddenError(v.detail);
    case 'capacity-full':
      return new CapacityFullError(v.detail);
    case 'limit':
      return new LimitExceededError(v.detail, v.limit ?? { name: 'unknown', value: 0 });
    case 'declined':
      return new PairDeclinedError(v.detail);
    case 'not-eligible':
      return new NotEligibleError(
        v.detail,
        v.whyNot ?? { filter: 'unknown', reason: { id: v.detail, en: v.detail } },
      );
    case 'invalid':
      return new ValidationError(v.detail, [{ field: 'offerId', message: v.detail }]);
    case 'conflict':
      return new ConflictError(v.detail);
  }
}

/**
 * Decides (from a fresh read each attempt) and writes the plan. `decide` returns a decision, a
 * violation, or null for "nothing to do".
 */
export async function carryOut<D extends { ok: true; plan: ChangePlan }>(
  repo: Repository,
  decide: () => Promise<D | Violation | null>,
  options: { limits?: WorkflowLimits | undefined; context?: Pick<GuardContext, 'side' | 'round'> } = {},
): Promise<D | null> {
  for (let attempt = 1; ; attempt++) {
    const decision = await decide();
    if (decision === null) return null;
    if (!decision.ok) throw violationError(decision);
    try {
      await repo.writePlan(decision.plan);
      return decision;
    } catch (error) {
      if (!(error instanceof PlanConflictError)) throw error;
      const why = explainFailure(error.change, error.current, options.limits, options.context);
      if (why !== 'stale') throw violationError(why);
      if (attempt >= STALE_READ_ATTEMPTS) {
        throw new ConflictError('the request kept changing; retry', { cause: error });
      }
    }
  }
}
