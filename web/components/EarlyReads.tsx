import { type EarlyTemplates, earlyReadsScript } from '../lib/early-reads';

/**
 * A signed-in page's first API reads, started from the static HTML while the page's scripts download
 * (lib/early-reads.ts). A server component: it adds no JavaScript to the page's bundle.
 */
export function EarlyReads({ templates }: { templates: EarlyTemplates }) {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: built from constant templates, no user input.
  return <script dangerouslySetInnerHTML={{ __html: earlyReadsScript(templates) }} />;
}
