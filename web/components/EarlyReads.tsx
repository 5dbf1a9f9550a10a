import { type EarlyAccess, type EarlyTemplates, earlyReadsScript } from '../lib/early-reads';

/**
 * A page's first API reads, started from the static HTML while the page's scripts download
 * (lib/early-reads.ts). A server component: it adds no JavaScript to the page's bundle.
 */
export function EarlyReads({
  templates,
  access = 'session',
}: {
  templates: EarlyTemplates;
  access?: EarlyAccess;
}) {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: built from constant templates, no user input.
  return <script dangerouslySetInnerHTML={{ __html: earlyReadsScript(templates, access) }} />;
}
