export * from './result';
export * from './name';
export * from './emails';
export * from './tab-name';
export * from './code';
export * from './registry';
export * from '../table/append';
