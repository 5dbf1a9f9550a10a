import type { InboxItem } from '@sinergi/shared/schemas';
import { describe, expect, it } from 'vitest';
import { en } from './i18n/en';
import { id } from './i18n/id';
import { inboxMessage } from './inbox';

const NOW = Date.parse('2026-06-07T09:00:00Z');
const lapsing: InboxItem = {
  kind: 'lapsing',
  needsAnswer: true,
  partnershipId: 'p1',
  status: 'proposed',
  type: 'internship',
  offerTitle: 'Magang desain',
  counterpart: 'UMKM Sari',
  at: '2026-06-01T08:00:00Z',
  lapsesAt: '2026-06-08T08:00:00Z',
};

describe('inbox messages', () => {
  it('says a round proposal is about to lapse, with the hours left, in either language', () => {
    expect(inboxMessage(id, lapsing, NOW)).toBe(
      'Pengajuan "Magang desain" akan kedaluwarsa dalam 23 jam jika tidak dijawab.',
    );
    expect(inboxMessage(en, lapsing, NOW)).toBe(
      'The proposal "Magang desain" lapses in 23 hours unless answered.',
    );
    // The last minutes still read as one hour, never zero.
    const late = Date.parse('2026-06-08T07:59:00Z');
    expect(inboxMessage(en, lapsing, late)).toBe(
      'The proposal "Magang desain" lapses in 1 hour unless answered.',
    );
  });
});
