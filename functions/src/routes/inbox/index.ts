/**
 * GET /api/inbox: what needs the caller's answer or changed for them, read from their partnerships
 * through the existing domain service (no store code of its own). Self-contained: app.ts mounts it.
 */
import { createRoute } from '@hono/zod-openapi';
import {
  INBOX_LAPSING_HOURS,
  INBOX_RECENT_DAYS,
  Inbox,
  type InboxItem,
  type Partnership,
} from '@sinergi/shared/schemas';
import type { Services } from '../../domain';
import { caller, router } from '../../http/env';
import { requireSignIn } from '../../http/identity';
import { bearer, json, problems } from '../../http/openapi';

const DAY_MS = 86_400_000;
/** Partnerships read per call: the newest, in pages of 100 (a person has a handful at a time). */
const MAX_PAGES = 3;

const inbox = createRoute({
  method: 'get',
  path: '/',
  tags: ['Inbox'],
  summary: 'What needs the caller’s answer or changed for them: proposals received, answers, round proposals',
  security: bearer,
  responses: { 200: json(Inbox), ...problems },
});

/** One partnership as seen by one side, or nothing when it asks nothing of them and did not just change. */
export function inboxItem(
  p: Partnership,
  side: 'business' | 'organization',
  now: Date,
  lapseDays = 7,
): InboxItem | undefined {
  const base = {
    partnershipId: p.id,
    status: p.status,
    type: p.type,
    offerTitle: p.offerTitle,
    counterpart: side === 'business' ? p.organization.name : p.business.name,
  };
  const waitingDays = Math.floor((now.getTime() - Date.parse(p.createdAt)) / DAY_MS);
  if (p.status === 'proposed') {
    if (p.source === 'round') {
      // The round schedules the lapse when it proposes: the programme's window after the proposal.
      const lapsesAtMs = Date.parse(p.createdAt) + lapseDays * DAY_MS;
      const warnMs = Math.min(INBOX_LAPSING_HOURS * 3_600_000, lapseDays * DAY_MS);
      const needsAnswer = side === 'organization';
      const lapsing = needsAnswer && lapsesAtMs - now.getTime() <= warnMs;
      return {
        ...base,
        kind: lapsing ? 'lapsing' : 'round',
        needsAnswer,
        at: p.createdAt,
        waitingDays,
        lapsesAt: new Date(lapsesAtMs).toISOString(),
      };
    }
    if (side === 'organization')
      return { ...base, kind: 'received', needsAnswer: true, at: p.createdAt, waitingDays };
    return undefined; // the UMKM's own proposal, waiting: nothing new for it
  }
  const recent = now.getTime() - Date.parse(p.updatedAt) <= INBOX_RECENT_DAYS * DAY_MS;
  if (side === 'business' && recent && (p.status === 'active' || p.status === 'declined'))
    return {
      ...base,
      kind: p.status === 'active' ? 'accepted' : 'declined',
      needsAnswer: false,
      at: p.updatedAt,
    };
  return undefined;
}

export function inboxRoutes(services: Services, now: () => Date = () => new Date()) {
  const app = router();
  app.use('*', requireSignIn());
  app.openapi(inbox, async (c) => {
    const who = caller(c);
    const side = who.role === 'business' ? 'business' : 'organization';
    const items: InboxItem[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < MAX_PAGES; i++) {
      const page = await services.partnerships.listMine(who, {
        role: 'mine',
        limit: 100,
        ...(cursor ? { cursor } : {}),
      });
      const at = now();
      for (const p of page.items) {
        const item = inboxItem(p as Partnership, side, at, services.rounds.lapseDays);
        if (item) items.push(item);
      }
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    // What needs an answer first (what is about to lapse before the rest), then the newest.
    const urgent = (i: InboxItem) => Number(i.kind === 'lapsing');
    items.sort(
      (a, b) =>
        Number(b.needsAnswer) - Number(a.needsAnswer) || urgent(b) - urgent(a) || b.at.localeCompare(a.at),
    );
    c.header('cache-control', 'private, no-store');
    return c.json(
      { items, count: items.length, needsAnswer: items.filter((i) => i.needsAnswer).length },
      200,
    );
  });
  return app;
}
