CREATE TABLE `agent_presence_changes` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`user_id` text NOT NULL,
	`presence` text NOT NULL,
	`presence_status_id` text,
	`at` integer NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`presence_status_id`) REFERENCES `presence_statuses`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `agent_presence_changes_org_user_at_idx` ON `agent_presence_changes` (`org_id`,`user_id`,`at`);--> statement-breakpoint
ALTER TABLE `orgs` ADD `time_zone` text DEFAULT 'UTC' NOT NULL;--> statement-breakpoint
CREATE INDEX `messaging_sessions_org_created_idx` ON `messaging_sessions` (`org_id`,`created_at`);