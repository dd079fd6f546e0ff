import { templateVariables } from '../../template/templateVariables';
import { defineNodeType } from '../nodeType';
import { answerTypes, askDataSchema } from './askData';
import { runAsk } from './runAsk';

export const askNode = defineNodeType({
  type: 'ask',
  label: 'Ask',
  description: 'Ask a question and keep the answer in a variable, checked against its type.',
  icon: '?',
  category: 'conversation',
  dataSchema: askDataSchema,
  defaultData: askDataSchema.parse({ prompt: 'What is your email?', variable: 'email' }),
  outputs: (data) => [
    { name: 'next', label: 'Answered', required: true },
    {
      name: 'invalid',
      label: 'Invalid',
      required: true,
      whenMissing: {
        code: 'ASK_WITHOUT_INVALID_PATH',
        message: `connect its "Invalid" output: a customer who answers wrongly ${data.maxRetries + 1} times has nowhere to go.`,
      },
    },
    {
      name: 'noInput',
      label: 'No answer',
      // Only a wait with a time limit can end without an answer, and then it needs somewhere to go.
      required: data.noInputAfterMinutes > 0,
      whenMissing: {
        code: 'ASK_TIMEOUT_WITHOUT_PATH',
        message: `connect its "No answer" output, or set "No answer after" to 0: it waits ${data.noInputAfterMinutes} minutes for an answer, then has nowhere to go.`,
      },
    },
  ],
  summary: (data) => `${data.prompt} → {{${data.variable}}} (${data.answerType})`,
  inspector: [
    { field: 'prompt', label: 'Question', widget: 'template' },
    { field: 'variable', label: 'Save answer in', widget: 'variable' },
    {
      field: 'answerType',
      label: 'Answer type',
      widget: 'select',
      choices: answerTypes.map((type) => ({ label: type, value: type })),
    },
    {
      field: 'options',
      label: 'Options',
      widget: 'quickReplies',
      visibleWhen: { field: 'answerType', equals: 'choice' },
    },
    {
      field: 'pattern',
      label: 'Pattern',
      widget: 'code',
      visibleWhen: { field: 'answerType', equals: 'regex' },
    },
    { field: 'retryPrompt', label: 'When the answer is invalid', widget: 'template' },
    { field: 'maxRetries', label: 'Re-prompts before giving up', widget: 'number' },
    {
      field: 'noInputAfterMinutes',
      label: 'No answer after (minutes)',
      widget: 'number',
      help: 'Leaves through "No answer" when the customer stays silent this long; 0 waits for as long as it takes.',
    },
  ],
  references: (data) => ({
    reads: [...templateVariables(data.prompt), ...templateVariables(data.retryPrompt)],
    writes: [data.variable],
    patterns: data.answerType === 'regex' ? [{ pattern: data.pattern, subject: 'the answer' }] : [],
  }),
  interruptible: true,
  silenceTimeout: (data) =>
    data.noInputAfterMinutes > 0
      ? { afterMs: data.noInputAfterMinutes * 60_000, output: 'noInput' }
      : null,
  run: runAsk,
});
