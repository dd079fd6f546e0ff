'use client';

import type { ConditionRule } from '../../../conditions/conditionSchema';
import { ConditionRulesInput } from '../../../conditions/editor/ConditionRulesInput';
import type { NodeEditor, NodeWidgetProps } from '../../editor/editorKit';
import { rowsOf } from '../../editor/rowEdits';

/** The rules, worded with the node's own `match`: its select is where that is changed. */
function ConditionRulesField({
  id,
  labelId,
  value,
  nodeData,
  variables,
  kit,
  onChange,
}: NodeWidgetProps) {
  return (
    <ConditionRulesInput
      id={id}
      labelId={labelId}
      rules={rowsOf<ConditionRule>(value)}
      match={nodeData.match === 'any' ? 'any' : 'all'}
      variables={variables}
      kit={kit}
      onChange={onChange}
    />
  );
}

export const conditionEditor: NodeEditor = { conditionRules: ConditionRulesField };
