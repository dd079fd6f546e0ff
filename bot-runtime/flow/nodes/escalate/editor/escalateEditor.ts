import type { NodeEditor } from '../../editor/editorKit';
import { SkillsInput } from './SkillsInput';

export const escalateEditor: NodeEditor = { skills: SkillsInput };
