/** The home page's reads (public: no session), started early by the page (components/EarlyReads.tsx). */
export const HOME_READS = { summary: '/api/stats/summary', health: '/api/health' } as const;
