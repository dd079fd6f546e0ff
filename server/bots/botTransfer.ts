import type { FlowDocument } from '../../bot-runtime/flow';
import type { StaffUser } from '../auth/staffAuth';
import type { Db } from '../db/client';
import { DomainError } from '../errors';
import { slugify } from '../slugify';
import { type BotSummary, getBot, insertBot } from './botCatalog';
import { getDraft } from './botDrafts';
import { lineAt, requireLoadableFlow } from './requireLoadableFlow';

/** The draft as a file another Parley installation (or this one) can import. */
export function exportBot(
  db: Db,
  orgId: string,
  botId: string,
): { fileName: string; document: FlowDocument } {
  const bot = getBot(db, orgId, botId);
  const { document } = getDraft(db, orgId, botId);
  return {
    fileName: `${slugify(bot.name, 60, 'bot')}.json`,
    document: { ...document, name: bot.name, description: bot.description },
  };
}

/** Creates a bot from an exported file; a file that is not a flow is refused with every problem. */
export function importBot(
  db: Db,
  actor: StaffUser,
  input: { text: string; name?: string },
): BotSummary {
  const raw = parseJson(input.text);
  const document = requireLoadableFlow(raw, input.text);
  return insertBot(
    db,
    actor,
    { ...document, name: input.name ?? document.name },
    { imported: true },
  );
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(reason)?.[1];
    const line = position === undefined ? undefined : lineAt(text, Number(position));
    throw new DomainError('FLOW_INVALID', `The file is not JSON${line ? ` (line ${line})` : ''}.`, {
      issues: [{ path: '', line, message: reason }],
    });
  }
}
