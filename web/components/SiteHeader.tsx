import Link from 'next/link';

/** The header every page shares; add a link here when a page arrives. */
export function SiteHeader() {
  return (
    <header className="site-header">
      <div className="container site-header__inner">
        <Link href="/" className="brand" aria-label="Sinergi, beranda / home">
          <span className="brand__mark" aria-hidden="true">
            S
          </span>
          <span className="brand__name">Sinergi</span>
        </Link>
        <nav aria-label="Navigasi utama / Main navigation">
          <ul className="nav">
            <li>
              <Link href="/" aria-current="page">
                Beranda <span className="nav__en">Home</span>
              </Link>
            </li>
            <li>
              <a href="/api/health">
                Status API <span className="nav__en">API status</span>
              </a>
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}
