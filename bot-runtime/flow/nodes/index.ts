import { actionNode } from './action/actionNode';
import { askNode } from './ask/askNode';
import { conditionNode } from './condition/conditionNode';
import { createNodeRegistry } from './createNodeRegistry';
import { endNode } from './end/endNode';
import { escalateNode } from './escalate/escalateNode';
import { intentNode } from './intent/intentNode';
import { jumpNode } from './jump/jumpNode';
import { messageNode } from './message/messageNode';
import { setNode } from './set/setNode';
import { startNode } from './start/startNode';

/** Every node type Parley ships. A new type is a new folder and one line here. */
export const nodeRegistry = createNodeRegistry([
  startNode,
  messageNode,
  askNode,
  intentNode,
  conditionNode,
  setNode,
  actionNode,
  escalateNode,
  endNode,
  jumpNode,
]);
