import type { InboxItem } from '@sinergi/shared/schemas';
import type { Messages } from './i18n/id';

/** What an inbox item says, in the catalogue's language; `now` for the hours left before a lapse. */
export function inboxMessage(t: Messages, item: InboxItem, now = Date.now()): string {
  switch (item.kind) {
    case 'received':
      return t.inbox.received(item.counterpart, item.offerTitle);
    case 'accepted':
      return t.inbox.accepted(item.counterpart, item.offerTitle);
    case 'declined':
      return t.inbox.declined(item.counterpart, item.offerTitle);
    case 'round':
      return t.inbox.round(item.offerTitle);
    case 'lapsing': {
      // Whole hours left, at least one: "lapses in 5 hours".
      const left = item.lapsesAt === undefined ? 0 : Date.parse(item.lapsesAt) - now;
      return t.inbox.lapsing(item.offerTitle, Math.max(1, Math.ceil(left / 3_600_000)));
    }
  }
}
