import { createActionRegistry } from './createActionRegistry';
import { faqSearchAction } from './faqSearch/faqSearchAction';
import { httpAction } from './http/httpAction';
import { orderStatusAction } from './orderStatus/orderStatusAction';
import { passwordResetAction } from './passwordReset/passwordResetAction';
import { scriptAction } from './script/scriptAction';
import type { ActionDefinition } from './types';

/** Every action a flow can call. Adding one is a new folder and one line here. */
export const builtInActions: readonly ActionDefinition[] = [
  httpAction,
  scriptAction,
  orderStatusAction,
  passwordResetAction,
  faqSearchAction,
] as readonly ActionDefinition[];

export const actionRegistry = createActionRegistry(builtInActions);
