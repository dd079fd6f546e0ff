CREATE TABLE `bot_turn_traces` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`session_id` text NOT NULL,
	`turn` integer NOT NULL,
	`bot_version_id` text NOT NULL,
	`status` text NOT NULL,
	`trace` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`session_id`) REFERENCES `messaging_sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`bot_version_id`) REFERENCES `bot_versions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `bot_turn_traces_session_turn_unique` ON `bot_turn_traces` (`session_id`,`turn`);--> statement-breakpoint
CREATE INDEX `bot_turn_traces_org_created_idx` ON `bot_turn_traces` (`org_id`,`created_at`);