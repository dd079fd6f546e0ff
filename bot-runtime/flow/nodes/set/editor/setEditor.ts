import type { NodeEditor } from '../../editor/editorKit';
import { AssignmentsInput } from './AssignmentsInput';

export const setEditor: NodeEditor = { assignments: AssignmentsInput };
