/**
 * Every request and response body of the API, as zod schemas: the functions validate with them, the
 * OpenAPI document is generated from them and the web app reuses them. Types come from z.infer.
 */
export * from './auth';
export * from './business';
export * from './certification';
export * from './common';
export * from './health';
export * from './inbox';
export * from './match';
export * from './match-input';
export * from './offer';
export * from './organization';
export * from './partnership';
export * from './reference';
export * from './request';
export * from './rounds';
export * from './site-config';
export * from './stats';
