import { StatsSummary } from '@sinergi/shared/schemas';

/** Thrown when an API call fails; `status` is the HTTP status, or 0 when the network failed. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    message: string,
    readonly status: number,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** The site and the API share one origin (CloudFront on AWS, one Node process locally). */
async function getJson(path: string, signal?: AbortSignal): Promise<{ status: number; body: unknown }> {
  let response: Response;
  try {
    response = await fetch(path, { headers: { accept: 'application/json' }, signal, cache: 'no-store' });
  } catch (error) {
    throw new ApiError('Server tidak dapat dihubungi / Server unreachable', 0, { cause: error });
  }
  const body: unknown = await response.json().catch(() => undefined);
  return { status: response.status, body };
}

export async function fetchStatsSummary(signal?: AbortSignal): Promise<StatsSummary> {
  const { status, body } = await getJson('/api/stats/summary', signal);
  if (status !== 200) {
    const title = (body as { title?: string } | undefined)?.title;
    throw new ApiError(`HTTP ${status}${title ? `: ${title}` : ''}`, status);
  }
  // Validated with the same schema the API answers with, so a drifting API shows as an error here.
  const parsed = StatsSummary.safeParse(body);
  if (!parsed.success) throw new ApiError('Jawaban API tidak sesuai / Unexpected API answer', status);
  return parsed.data;
}

export interface Health {
  status: 'ok' | 'degraded';
  database: { reachable: boolean; table: string; latencyMs?: number };
}

export async function fetchHealth(signal?: AbortSignal): Promise<{ httpStatus: number; health?: Health }> {
  const { status, body } = await getJson('/api/health', signal);
  const health = body as Health | undefined;
  return { httpStatus: status, health: health && typeof health.status === 'string' ? health : undefined };
}
