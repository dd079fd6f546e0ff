ALTER TABLE `conversation_entries` ADD `actor_name` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `messaging_sessions` ADD `bot_handled_seq` integer DEFAULT 0 NOT NULL;