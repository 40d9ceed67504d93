export * from './types';
export * from './tabs';
export * from './lists';
export * from './colours';
