/**
 * The partnership workflow: one transition table (table.ts), decisions as change plans (decide.ts,
 * plan.ts), the actions each side may take (actions.ts) and a reference model (model.ts). Pure.
 */
export * from './actions';
export * from './decide';
export * from './model';
export * from './plan';
export * from './table';
