export type { LoadedNlu } from './loadNlu';
export { loadNlu } from './loadNlu';
export type { NluModel } from './nluModel';
export { nluModelSchema } from './nluModel';
export * from './schema';
export { trainNlu } from './trainNlu';
export type * from './types';
export type { NluResources, WordVectors } from './wordVectors/wordVectors';
