import type { NodeEditor } from '../../editor/editorKit';
import { ResultMappingInput } from './ResultMappingInput';

export const actionEditor: NodeEditor = { resultMapping: ResultMappingInput };
