import { HomeContent } from './HomeContent';

export default function HomePage() {
  return <HomeContent />;
}
