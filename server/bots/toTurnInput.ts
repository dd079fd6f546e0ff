import type { TurnInput } from '../../bot-runtime/engine';
import type { CustomerInput } from '../messaging/botTurns';

/** What the engine is told a customer did, for production and the studio preview alike. */
export function toTurnInput(input: CustomerInput): TurnInput {
  switch (input.type) {
    case 'start':
      return { type: 'start' };
    case 'text':
      return { type: 'text', text: input.text };
    case 'choice':
      return { type: 'choice', value: input.value, ...(input.label ? { label: input.label } : {}) };
    case 'form':
      return { type: 'form', fields: input.fields as Record<string, never> };
    case 'timeout':
      return { type: 'timeout' };
    case 'noAgent':
      return { type: 'noAgent' };
    case 'returned':
      return { type: 'returned' };
  }
}
