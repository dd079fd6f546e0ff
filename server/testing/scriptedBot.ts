import type {
  BotTurnOutcome,
  BotTurnRunner,
  CustomerInput,
  SessionRow,
} from '../messaging/botTurns';

const bot = { actorType: 'bot' as const, actorName: 'Scripted bot' };

/** What the scripted bot says: a text entry of its own. */
export const botSays = (text: string) => ({ ...bot, type: 'text' as const, payload: { text } });

/**
 * A bot that greets with "Hi!" and answers every other input as `answer` says, keeping the
 * inputs it heard. `silenceTimeout` stands in for a node that times out.
 */
export function scriptedBot(
  answer: (input: CustomerInput, session: SessionRow) => BotTurnOutcome,
  silenceTimeout: BotTurnRunner['silenceTimeout'] = () => null,
) {
  const heard: CustomerInput[] = [];
  const runner: BotTurnRunner = {
    async runTurn(session, input) {
      heard.push(input);
      if (input.type === 'start') {
        return { entries: [botSays('Hi!')], state: { node: 'menu' }, status: 'awaiting_input' };
      }
      return answer(input, session);
    },
    silenceTimeout,
  };
  return { runner, heard };
}
