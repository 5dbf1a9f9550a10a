import type {
  Business,
  BusinessSnapshot,
  Offer,
  Organization,
  OrganizationSnapshot,
  Partnership,
  PartnershipRequest,
  Role,
} from '@sinergi/shared/schemas';

import type { WorkflowLimits } from '@sinergi/shared/workflow';

/** The caller, as the identity middleware established it. */
export interface Identity {
  userId: string;
  role: Role;
  name?: string;
}

/** One account per user: its role and the one profile it owns. */
export interface Account {
  userId: string;
  role: Role;
  name?: string;
  businessId?: string;
  organizationId?: string;
  createdAt: string;
}

export type {
  Business,
  BusinessSnapshot,
  Offer,
  Organization,
  OrganizationSnapshot,
  Partnership,
  PartnershipRequest,
};

/** A partnership as stored is its public shape (which names both parties' user ids). */
export type PartnershipRecord = Partnership;

export type FeedbackSide = 'fromBusiness' | 'fromOrganization';

export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

export interface PageRequest {
  limit: number;
  cursor?: string;
}

/** Dependencies that make the domain deterministic under test. */
export interface Runtime {
  now: () => Date;
  newId: () => string;
  /** The workflow's caps (LIMITS when absent); tests pass small ones. */
  limits?: WorkflowLimits | undefined;
}

export function businessSnapshot(b: Business): BusinessSnapshot {
  return {
    id: b.id,
    name: b.name,
    province: b.province,
    ...(b.city ? { city: b.city } : {}),
    sizeClass: b.sizeClass,
    sector: b.sector,
    kbli: b.kbli,
    products: b.products,
    certifications: b.certifications,
  };
}

export function organizationSnapshot(o: Organization): OrganizationSnapshot {
  return {
    id: o.id,
    kind: o.kind,
    name: o.name,
    province: o.province,
    ...(o.city ? { city: o.city } : {}),
  };
}
