import type { Metadata } from 'next';
import { InboxPage } from '../../components/Inbox';
import { RequireRole } from '../../components/ui';

export const metadata: Metadata = { title: 'Kotak masuk' };

export default function Page() {
  return (
    <section className="section">
      <div className="container">
        <RequireRole roles={['business', 'corporate', 'university', 'community', 'admin']}>
          <InboxPage />
        </RequireRole>
      </div>
    </section>
  );
}
