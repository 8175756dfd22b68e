export * from './stages';
export * from './lanes';
export * from './cards';
export * from './personas';
export * from './links';
export * from './meta';
export * from './phases';
export * from './blueprint';
