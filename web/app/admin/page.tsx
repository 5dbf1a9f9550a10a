import type { Metadata } from 'next';
import { EarlyReads } from '../../components/EarlyReads';
import { PageIntro, RequireRole } from '../../components/ui';
import { AdminHome } from './AdminHome';
import { ADMIN_READS } from './reads';

export const metadata: Metadata = { title: 'Admin program' };

export default function AdminPage() {
  return (
    <section className="section">
      <div className="container">
        <PageIntro page="admin" />
        <RequireRole roles={['admin']}>
          <AdminHome />
        </RequireRole>
      </div>
      <EarlyReads templates={Object.values(ADMIN_READS)} />
    </section>
  );
}
