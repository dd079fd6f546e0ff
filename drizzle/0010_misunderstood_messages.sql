CREATE TABLE `misunderstood_messages` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`bot_id` text NOT NULL,
	`bot_version_id` text NOT NULL,
	`session_id` text NOT NULL,
	`seq` integer,
	`text` text NOT NULL,
	`top_intent` text,
	`score` real NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`added_to_intent` text,
	`acted_by` text,
	`acted_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`bot_id`) REFERENCES `bots`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`bot_version_id`) REFERENCES `bot_versions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`session_id`) REFERENCES `messaging_sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`acted_by`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `misunderstood_messages_session_seq_unique` ON `misunderstood_messages` (`session_id`,`seq`);--> statement-breakpoint
CREATE INDEX `misunderstood_messages_org_bot_status_idx` ON `misunderstood_messages` (`org_id`,`bot_id`,`status`);