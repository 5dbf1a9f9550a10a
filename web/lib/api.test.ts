import { Partnership, PartnershipPage, Problem } from '@sinergi/shared/schemas';
import { describe, expect, it } from 'vitest';
import { ApiError, checkAnswer, withCursor } from './api';

describe('the typed client', () => {
  it('passes an answer that fits its schema and names one that does not', () => {
    expect(checkAnswer(PartnershipPage, { items: [] })).toEqual({ items: [] });
    expect(() => checkAnswer(PartnershipPage, { items: [{ id: 'x' }] })).toThrow(ApiError);
    expect(() => checkAnswer(Partnership, { id: 'p', status: 'lost' })).toThrow(/Jawaban API tidak sesuai/);
  });

  it('reads the problem shape of the shared schemas, limits and "why not" included', () => {
    const problem = {
      type: 'https://sinergi.id/problems/limit-exceeded',
      title: 'Batas tercapai / Limit reached',
      status: 409,
      limit: { name: 'pendingProposalsPerOffer', value: 200 },
    };
    expect(checkAnswer(Problem, problem)).toEqual(problem);
  });

  it('follows cursors by adding them to the query', () => {
    expect(withCursor('/api/partnerships?limit=20', 'abc')).toBe('/api/partnerships?limit=20&cursor=abc');
    expect(withCursor('/api/requests', 'a b')).toBe('/api/requests?cursor=a%20b');
    expect(withCursor('/api/requests', undefined)).toBe('/api/requests');
  });
});
