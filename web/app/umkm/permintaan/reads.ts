/** The matches page's reads (`{id}`: the request), started early by the page (components/EarlyReads.tsx). */
export const MATCHES_READS = {
  request: '/api/requests/{id}',
  matches: '/api/requests/{id}/matches?explain=excluded&limit=100&excludedLimit=50',
} as const;
