import type { FlowDocument } from '../flowDocument';
import { nodeRegistry } from '../nodes';
import type { NodeRegistry } from '../nodes/createNodeRegistry';
import { checkEdges } from './checks/checkEdges';
import { checkNodes } from './checks/checkNodes';
import { checkOutputs } from './checks/checkOutputs';
import { checkPaths } from './checks/checkPaths';
import { checkPatterns } from './checks/checkPatterns';
import { checkReferences } from './checks/checkReferences';
import { checkVariableDefaults } from './checks/checkVariableDefaults';
import { checkVariables } from './checks/checkVariables';
import { analyseFlow } from './flowAnalysis';
import type { FlowIssue } from './flowIssue';

export interface ValidateFlowOptions {
  /** Names of the actions this deployment can call. */
  knownActions: string[];
  nodes?: NodeRegistry;
}

/** Every problem the studio shows on the canvas; errors block publishing, warnings do not. */
export function validateFlow(flow: FlowDocument, options: ValidateFlowOptions): FlowIssue[] {
  const analysis = analyseFlow(flow, options.nodes ?? nodeRegistry, options.knownActions);
  return [
    ...checkNodes(analysis),
    ...checkEdges(analysis),
    ...checkOutputs(analysis),
    ...checkReferences(analysis),
    ...checkPatterns(analysis),
    ...checkPaths(analysis),
    ...checkVariables(analysis),
    ...checkVariableDefaults(analysis),
  ];
}
