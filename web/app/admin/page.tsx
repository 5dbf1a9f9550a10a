import type { Metadata } from 'next';
import { RequireRole } from '../../components/ui';
import { AdminHome } from './AdminHome';

export const metadata: Metadata = { title: 'Admin program' };

export default function AdminPage() {
  return (
    <section className="section">
      <div className="container">
        <RequireRole roles={['admin']}>
          <AdminHome />
        </RequireRole>
      </div>
    </section>
  );
}
