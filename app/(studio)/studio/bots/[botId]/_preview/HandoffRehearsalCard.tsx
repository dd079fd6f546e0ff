'use client';

import type { ReactNode } from 'react';
import type { HandoffRehearsal } from '@/server/routing/rehearseHandoff';

const VERDICTS: Record<string, string> = {
  chosen: 'would be offered it',
  eligible: 'could take it',
  presence: 'not taking work',
  skill: 'missing a skill',
  level: 'skill level too low',
  capacity: 'at capacity',
  passed_over: 'already passed on it',
  optional_skill: 'lacks the optional skills it would wait for',
};

const skillList = (skills: { skill: string; minLevel: number }[]) =>
  skills.length === 0
    ? 'none'
    : skills.map(({ skill, minLevel }) => `${skill} ≥ ${minLevel}`).join(', ');

/**
 * Where the hand-off would go if a customer asked now: routing's dry run over the org's real
 * queues and agents, nothing changed. The designer then plays what happens next; `children`
 * adds more to play, such as an agent's reply to a customer who left the app.
 */
export function HandoffRehearsalCard({
  rehearsal,
  onRehearse,
  children,
}: {
  rehearsal: HandoffRehearsal;
  onRehearse: (type: 'noAgent' | 'returned') => void;
  children?: ReactNode;
}) {
  const { noAgent, queue } = rehearsal;
  return (
    <section className="handoff-rehearsal" aria-label="Hand-off rehearsal">
      <h3>If a customer asked now</h3>
      {noAgent ? (
        <p role="status">
          <strong>The bot would go on through “No agent available” at once.</strong>{' '}
          {noAgent.explanation}
        </p>
      ) : (
        <p role="status">
          {rehearsal.chosen ? (
            <>
              <strong>{rehearsal.chosen.name}</strong> would be offered the conversation
            </>
          ) : (
            <>
              <strong>The customer would wait</strong>: {rehearsal.waitingReason}
            </>
          )}
          {rehearsal.waitingAhead > 0 &&
            ` (${rehearsal.waitingAhead} already waiting would be served first)`}
          .
        </p>
      )}
      <dl className="handoff-rehearsal-facts">
        <dt>Queue</dt>
        <dd>{queue?.name ?? 'none'}</dd>
        <dt>Required skills</dt>
        <dd>{skillList(rehearsal.requiredSkills)}</dd>
        {rehearsal.optionalSkills.length > 0 && (
          <>
            <dt>Optional skills</dt>
            <dd>{skillList(rehearsal.optionalSkills)}</dd>
          </>
        )}
      </dl>
      {rehearsal.considered.length > 0 && (
        <ul className="handoff-rehearsal-agents">
          {rehearsal.considered.map((agent) => (
            <li key={agent.agentId} data-verdict={agent.verdict}>
              <strong>{agent.name}</strong>: {VERDICTS[agent.verdict] ?? agent.verdict}
              <span className="muted"> · {agent.detail}</span>
            </li>
          ))}
        </ul>
      )}
      <div className="row">
        <button type="button" onClick={() => onRehearse('noAgent')}>
          Take “No agent available”
        </button>
        <button type="button" onClick={() => onRehearse('returned')}>
          An agent hands back to the bot
        </button>
      </div>
      {children}
    </section>
  );
}
