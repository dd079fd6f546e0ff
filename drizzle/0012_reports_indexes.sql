DROP INDEX `messaging_sessions_org_created_idx`;--> statement-breakpoint
CREATE INDEX `messaging_sessions_reports_idx` ON `messaging_sessions` (`org_id`,`created_at`,`deployment_id`,`channel`,`bot_version_id`,`agent_id`,`status`,`agent_type`,`ended_by`,`accepted_at`,`ended_at`,`id`);--> statement-breakpoint
DROP INDEX `work_items_session_idx`;--> statement-breakpoint
CREATE INDEX `work_items_agent_accepted_idx` ON `work_items` (`org_id`,`accepted_by`,`accepted_at`,`completed_at`,`size`);--> statement-breakpoint
CREATE INDEX `work_items_agent_completed_idx` ON `work_items` (`org_id`,`accepted_by`,`completed_at`,`accepted_at`,`size`);--> statement-breakpoint
CREATE INDEX `work_items_session_idx` ON `work_items` (`session_id`,`asked_at`,`id`,`queue_id`,`status`,`accepted_at`);--> statement-breakpoint
CREATE INDEX `csat_responses_session_score_idx` ON `csat_responses` (`session_id`,`score`);--> statement-breakpoint
CREATE INDEX `conversation_entries_agent_reply_idx` ON `conversation_entries` (`session_id`,`created_at`,`entry_type`) WHERE "conversation_entries"."actor_type" = 'agent';