/** The admin page's reads, started early by the page (components/EarlyReads.tsx). */
export const ADMIN_READS = { impact: '/api/stats/impact' } as const;
