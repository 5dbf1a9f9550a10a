export * from './allocate';
export * from './rank';
export * from './score';
export * from './types';
export * from './weights';
