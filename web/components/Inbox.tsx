'use client';

import type { Inbox as InboxData } from '@sinergi/shared/schemas';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { api } from '../lib/api';
import { useFormats } from '../lib/format';
import { useAsync, useIdle } from '../lib/hooks';
import { useT } from '../lib/i18n/locale';
import { inboxMessage } from '../lib/inbox';
import { homeOf, useSession } from '../lib/session';
import { Empty, ErrorNotice, Loading, PageTitle } from './ui';

const loadInbox = (signal: AbortSignal) => api<InboxData>('GET', '/api/inbox', undefined, signal);

/** An answer that has not come yet: the count's read before the browser is idle. */
const NOT_YET = new Promise<never>(() => {});

/**
 * The header's link to the inbox with its count, read again on every page change; on a page's first
 * load, once the browser is idle (the count is not what the page was opened for).
 */
export function InboxLink() {
  const t = useT();
  const pathname = usePathname();
  const idle = useIdle();
  const [state] = useAsync((signal) => (idle ? loadInbox(signal) : NOT_YET), [pathname, idle]);
  const count = state.kind === 'ready' ? state.data.count : 0;
  return (
    <Link
      prefetch={false}
      href="/kotak-masuk"
      aria-current={pathname === '/kotak-masuk' ? 'page' : undefined}
      data-testid="inbox-link"
      data-count={state.kind === 'ready' ? count : undefined}
    >
      {t.nav.inbox}
      {count > 0 && (
        <span className="badge" data-testid="inbox-count">
          <span aria-hidden="true">{count}</span>
          <span className="visually-hidden">{t.nav.inboxCount(count)}</span>
        </span>
      )}
    </Link>
  );
}

/** The inbox page: what needs the person's answer first, then what changed. */
export function InboxPage() {
  const t = useT();
  const f = useFormats();
  const session = useSession();
  const [state, reload] = useAsync(loadInbox, []);
  return (
    <>
      <PageTitle>{t.inbox.title}</PageTitle>
      {state.kind === 'loading' && <Loading />}
      {state.kind === 'error' && <ErrorNotice error={state.error} onRetry={reload} />}
      {state.kind === 'ready' &&
        (state.data.items.length === 0 ? (
          <Empty>{t.inbox.empty}</Empty>
        ) : (
          <>
            <p className="muted" data-testid="list-count">
              {t.common.shownOf(state.data.items.length, state.data.count)}
            </p>
            <ul className="list" data-testid="inbox">
              {state.data.items.map((item) => (
                <li key={`${item.kind}-${item.partnershipId}`} className="item" data-kind={item.kind}>
                  <p className="item__title">{inboxMessage(t, item)}</p>
                  <p className="item__meta">
                    {t.type[item.type]} · {f.date(item.at)}
                    {item.needsAnswer && (
                      <>
                        {' '}
                        · <strong className="pill pill--proposed">{t.inbox.needsAnswer}</strong>
                      </>
                    )}
                  </p>
                  {session && (
                    <Link prefetch={false} className="item__link" href={homeOf(session.user.role)}>
                      {t.inbox.open} →
                    </Link>
                  )}
                </li>
              ))}
            </ul>
          </>
        ))}
    </>
  );
}
