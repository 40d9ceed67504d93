export * from './cell';
export * from './normalize';
export * from './locate';
export * from './key-value';
