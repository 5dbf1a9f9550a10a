import { describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { testDeps } from '../local/test-support';
import { seedDemoData } from './index';
import { SHOWCASE } from './showcase';

const size = { businesses: 76, corporates: 4, universities: 4, communities: 5 };

type App = ReturnType<typeof createApp>;
interface Partnership {
  status: string;
  feedback?: { fromBusiness?: { rating: number }; fromOrganization?: { rating: number } };
}

async function as(app: App, role: string, name: string) {
  const login = await app.request('/api/auth/dev-login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ role, name }),
  });
  const { token } = (await login.json()) as { token: string };
  return async <T>(path: string): Promise<T> => {
    const res = await app.request(`/api${path}`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status, path).toBe(200);
    return (await res.json()) as T;
  };
}

function outcomes(items: readonly Partnership[]) {
  return {
    proposed: items.filter((p) => p.status === 'proposed').length,
    active: items.filter((p) => p.status === 'active').length,
    completedAndRated: items.filter(
      (p) => p.status === 'completed' && p.feedback?.fromBusiness && p.feedback.fromOrganization,
    ).length,
  };
}

/** What a newcomer sees on a first visit with each demo account the sign-in page offers. */
describe('demo data for the sign-in page accounts', () => {
  it('gives every demo account something to see', async () => {
    const deps = await testDeps({ isolated: true });
    const app = createApp(deps);
    await seedDemoData(app, deps.db, deps.config, { size });

    for (const name of SHOWCASE.businesses) {
      const get = await as(app, 'business', name);
      const requests = await get<{ items: { id: string; type: string }[] }>('/requests?limit=100');
      // Ranked matches with reasons for a request of every type.
      for (const type of ['mentorship', 'internship', 'distribution']) {
        const ofType = requests.items.filter((r) => r.type === type);
        const best = await Promise.all(
          ofType.map((r) =>
            get<{
              eligibleCount: number;
              items: { reasons: unknown[] }[];
              excluded?: { items: { filter: string }[] };
            }>(`/requests/${r.id}/matches?limit=5&explain=excluded`),
          ),
        );
        const withMatches = best.find((m) => m.eligibleCount > 0);
        const why = best.flatMap((m) => (m.excluded?.items ?? []).map((e) => e.filter)).join(',');
        expect(withMatches, `${name} has a ${type} request with matches (excluded by: ${why})`).toBeDefined();
        expect(withMatches?.items[0]?.reasons.length).toBeGreaterThan(0);
      }
      const mine = outcomes((await get<{ items: Partnership[] }>('/partnerships?limit=100')).items);
      expect(mine.active, `${name}: active`).toBeGreaterThan(0);
      expect(mine.completedAndRated, `${name}: completed and rated`).toBeGreaterThan(0);
    }

    for (const [type, name] of Object.entries(SHOWCASE.partners)) {
      const role = { mentorship: 'corporate', internship: 'university', distribution: 'community' }[
        type
      ] as string;
      const get = await as(app, role, name);
      const theirs = outcomes((await get<{ items: Partnership[] }>('/partnerships?limit=100')).items);
      expect(theirs.proposed, `${name}: a proposal waiting for its answer`).toBeGreaterThan(0);
      expect(theirs.active, `${name}: active`).toBeGreaterThan(0);
      expect(theirs.completedAndRated, `${name}: completed and rated`).toBeGreaterThan(0);
    }

    const admin = await as(app, 'admin', 'admin');
    const impact = await admin<{ total: number }>('/stats/impact');
    expect(impact.total).toBeGreaterThan(0);
  }, 180_000);
});
