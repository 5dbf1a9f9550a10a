/** The matches page's reads (`{id}`: the request), started early by the page (components/EarlyReads.tsx). */
export const MATCHES_READS = {
  request: '/api/requests/{id}',
  // Ranked from the warm index; the excluded offers ("why not") scan the type, so they are read only
  // when the reader opens them (EXCLUDED_READ).
  matches: '/api/requests/{id}/matches?limit=100',
} as const;

/** One page of the offers a hard filter removed, with their reasons: read when the list is opened. */
export const EXCLUDED_READ = '/api/requests/{id}/matches?explain=excluded&limit=1&excludedLimit=50';
