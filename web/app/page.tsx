import { EarlyReads } from '../components/EarlyReads';
import { HomeContent } from './HomeContent';
import { HOME_READS } from './reads';

export default function HomePage() {
  return (
    <>
      <HomeContent />
      <EarlyReads templates={Object.values(HOME_READS)} access="public" />
    </>
  );
}
