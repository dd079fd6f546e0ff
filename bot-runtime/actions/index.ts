export { ActionError, type ActionFailureCode, isActionError } from './actionError';
export { actionRegistry, builtInActions } from './builtInActions';
export {
  type ActionRegistry,
  type ActionSummary,
  createActionRegistry,
} from './createActionRegistry';
export { describeSchemaFields, type SchemaField } from './describeSchemaFields';
export { checkOutboundUrl, type OutboundTarget } from './http/checkOutboundUrl';
export { type AddressClass, classifyAddress } from './http/classifyAddress';
export { isHostAllowListed } from './http/isHostAllowListed';
export { type JsonPathSegment, parseJsonPath, readJsonPath } from './jsonPath';
export type * from './types';
