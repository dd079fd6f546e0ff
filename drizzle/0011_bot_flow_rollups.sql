CREATE TABLE `bot_flow_daily_counts` (
	`org_id` text NOT NULL,
	`bot_version_id` text NOT NULL,
	`day` text NOT NULL,
	`kind` text NOT NULL,
	`element_id` text NOT NULL,
	`conversations` integer NOT NULL,
	`contained` integer DEFAULT 0 NOT NULL,
	`escalated` integer DEFAULT 0 NOT NULL,
	`abandoned` integer DEFAULT 0 NOT NULL,
	`error` integer DEFAULT 0 NOT NULL,
	`no_agent` integer DEFAULT 0 NOT NULL,
	`in_progress` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`bot_version_id`) REFERENCES `bot_versions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `bot_flow_daily_counts_key` ON `bot_flow_daily_counts` (`org_id`,`bot_version_id`,`day`,`kind`,`element_id`);--> statement-breakpoint
CREATE TABLE `bot_flow_rollup_marks` (
	`org_id` text PRIMARY KEY NOT NULL,
	`rolled_up_through` text NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE cascade
);
