/**
 * What every report figure means, over the database's own fields: the text of the Reports
 * page's help popovers and of the README, precise enough to recompute any figure by hand.
 */
export interface MetricDefinition {
  id: string;
  title: string;
  definition: string;
}

export const CONVERSATIONS_IN_REPORT =
  "A conversation is a `messaging_sessions` row of the org whose `created_at` is in the range [from, to) and that passes the filters: `deployment_id`, `channel` and `bot_version_id` equal to the chosen ones; for a queue, at least one `work_items` row of the session has that `queue_id`; for an agent, the session's `agent_id` (the agent who last accepted it) is that agent.";

export const METRIC_DEFINITIONS: MetricDefinition[] = [
  {
    id: 'conversations',
    title: 'Conversations',
    definition:
      "The number of conversations in the report, per day or ISO week (weeks start on Monday) of `created_at` in the org's time zone (`orgs.time_zone`), and per `deployment_id`, `channel` and `bot_version_id`.",
  },
  {
    id: 'deflection_rate',
    title: 'Deflection rate',
    definition:
      "Contained conversations out of all conversations in the report. Contained: `agent_type = 'bot'` and no `work_items` row (the bot never asked for a person; a conversation an agent handed back to the bot is not contained), `status = 'ended'` and `ended_by = 'bot'` (the flow reached its end). A conversation abandoned mid-bot (`agent_type = 'bot'`, no work item, `status = 'ended'`, `ended_by` 'customer' or 'system' for inactivity) is not contained: it counts in the denominator only, and is shown on its own as the abandoned-in-bot rate. Conversations still open, in `status = 'error'`, or handed off count in the denominator only.",
  },
  {
    id: 'abandoned_in_bot_rate',
    title: 'Abandoned in bot',
    definition:
      "Conversations with `agent_type = 'bot'`, `status = 'ended'` and `ended_by` 'customer' or 'system', out of all conversations in the report.",
  },
  {
    id: 'escalation_rate',
    title: 'Escalation rate',
    definition:
      'Conversations with at least one `work_items` row (the hand-off reached routing), out of all conversations in the report. By intent and by escalate node: each escalated conversation counts once, under `handoff.intent` and `handoff.nodeId` of its first work item (earliest `asked_at`); "none" when the hand-off has no intent (the customer asked for a person before any was recognised) or no node (escalated without a bot). With a queue filter only that queue\'s work items count.',
  },
  {
    id: 'wait_time',
    title: 'Wait time (average, p90)',
    definition:
      "Per work item of the conversations in the report with `accepted_at` set: `accepted_at - asked_at` in seconds (`asked_at` is when the customer first asked for a person and survives overflow and re-routing). Average, and the 90th percentile by nearest rank (the smallest wait with at least 90% of waits at or below it). With a queue filter only that queue's work items count.",
  },
  {
    id: 'abandonment_while_waiting',
    title: 'Abandonment while waiting',
    definition:
      "Work items with `status = 'cancelled'` and no `accepted_at` whose conversation has `ended_by` 'customer' or 'system' (the customer left, or went silent until the conversation timed out), out of those abandoned items plus the items with `accepted_at` set. Items still waiting, and items handed back to the bot because nobody could take them, count in neither.",
  },
  {
    id: 'first_response_time',
    title: 'First response time',
    definition:
      "Per conversation in the report with `messaging_sessions.accepted_at` set: seconds from `accepted_at` to the earliest `conversation_entries.created_at` of that session with `actor_type = 'agent'`, an `entry_type` of text, quick_replies, cards, image or form_request, and `created_at >= accepted_at`. What the bot said before the accept never counts. Accepted conversations without such an entry are left out of the average and counted as unanswered. After a transfer, `accepted_at` is the last agent's accept.",
  },
  {
    id: 'average_handle_time',
    title: 'Average handle time',
    definition:
      'Per conversation in the report with both `accepted_at` and `ended_at` set: `ended_at - accepted_at` in seconds, averaged.',
  },
  {
    id: 'csat',
    title: 'CSAT',
    definition:
      "The `csat_responses` rows of the conversations in the report: average `score` (1–5) and the number of answers per score. By agent: the session's `agent_id`; by queue: the `queue_id` of the session's latest work item (none when it never reached a person); by bot version: the session's `bot_version_id`.",
  },
  {
    id: 'csat_response_rate',
    title: 'CSAT response rate',
    definition:
      "`csat_responses` rows of the conversations in the report, out of those conversations with `status = 'ended'`.",
  },
  {
    id: 'time_in_presence',
    title: 'Time in each presence status',
    definition:
      'Per agent (`agent_states` of the org; the queue filter keeps its members, the agent filter that agent), the seconds of [from, min(to, now)) spent in each presence, from `agent_presence_changes`: the status at `from` is that of the latest change at or before it (Offline if none), and each change holds until the next. Custom statuses are also summed by `presence_status_id`.',
  },
  {
    id: 'time_at_capacity',
    title: 'Time at capacity',
    definition:
      "Per agent, the seconds of [from, min(to, now)) during which the sum of `size` over `work_items` with `accepted_by` = the agent, open from `accepted_at` until `completed_at` (or still open), is at least the agent's `agent_states.capacity` as it is now.",
  },
];
