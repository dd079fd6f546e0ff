import { builtInEntities } from '../../nluDefinition';
import type { FlowAnalysis } from '../flowAnalysis';
import type { FlowIssue } from '../flowIssue';

/** Intents, entities, actions and target nodes named in the flow exist. */
export function checkReferences(analysis: FlowAnalysis): FlowIssue[] {
  const { flow } = analysis;
  const intents = new Set(flow.nlu.intents.map((intent) => intent.name));
  const entities = new Set<string>([
    ...builtInEntities,
    ...flow.nlu.entities.map((entity) => entity.name),
  ]);
  const issues: FlowIssue[] = [];
  for (const analysed of analysis.nodes) {
    const { node, name, references } = analysed;
    for (const intent of references.intents.filter((i) => !intents.has(i))) {
      issues.push({
        code: 'UNKNOWN_INTENT',
        severity: 'error',
        nodeId: node.id,
        message: `${name} listens for the intent "${intent}", which is not defined; add it under Intents or remove it from the node.`,
      });
    }
    for (const action of references.actions.filter((a) => !analysis.knownActions.has(a))) {
      issues.push({
        code: 'UNKNOWN_ACTION',
        severity: 'error',
        nodeId: node.id,
        message: action
          ? `${name} calls the action "${action}", which does not exist; choose one from the list.`
          : `${name} has no action chosen; choose one from the list.`,
      });
    }
    for (const entity of references.entities.filter((e) => !entities.has(e))) {
      issues.push({
        code: 'UNKNOWN_ENTITY',
        severity: 'error',
        nodeId: node.id,
        message: `${name} fills a detail from the entity "${entity}", which is not defined; add it under Entities.`,
      });
    }
    for (const target of references.nodes.filter((id) => !analysis.byId.has(id))) {
      issues.push({
        code: 'UNKNOWN_TARGET',
        severity: 'error',
        nodeId: node.id,
        message: target
          ? `${name} goes to "${target}", which no longer exists; choose another node.`
          : `${name} has no node to go to; choose one.`,
      });
    }
  }
  for (const global of flow.settings.globalIntents) {
    if (!intents.has(global.intent)) {
      issues.push({
        code: 'UNKNOWN_INTENT',
        severity: 'error',
        setting: 'globalIntents',
        message: `The global intent "${global.intent}" is not defined; add it under Intents or remove it from the settings.`,
      });
    }
    if (!analysis.byId.has(global.targetNodeId)) {
      issues.push({
        code: 'UNKNOWN_TARGET',
        severity: 'error',
        setting: 'globalIntents',
        message: `The global intent "${global.intent}" goes to "${global.targetNodeId}", which does not exist; choose another node.`,
      });
    }
  }
  const { offerHumanNodeId: offerHuman, offerHumanAfterTurns } = flow.settings.fallback;
  if (offerHuman !== null && !analysis.byId.has(offerHuman)) {
    issues.push({
      code: 'UNKNOWN_TARGET',
      severity: 'error',
      setting: 'fallback',
      message: `The fallback setting offers a human at "${offerHuman}", which does not exist; choose another node.`,
    });
  }
  if (offerHumanAfterTurns !== null && offerHuman === null) {
    issues.push({
      code: 'TURN_LIMIT_WITHOUT_TARGET',
      severity: 'warning',
      setting: 'fallback',
      message: `The bot should offer a human after ${offerHumanAfterTurns} messages, but no node is chosen to offer one; choose it in the fallback settings.`,
    });
  }
  return issues;
}
