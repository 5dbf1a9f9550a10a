import { type EarlyAccess, type EarlyTemplates, earlyReadsScript } from '../lib/early-reads';

/**
 * A page's first API reads, started from the static HTML while the page's scripts download
 * (lib/early-reads.ts). A server component: it adds no JavaScript to the page's bundle. Put it after
 * the page's static content: the parser stops at an inline script, and Chrome may paint what it has
 * by then (the header alone), leaving the content's first paint to wait behind the page's scripts.
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
