CREATE TABLE `presence_statuses` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`name` text NOT NULL,
	`takes_work` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `presence_statuses_org_name_unique` ON `presence_statuses` (`org_id`,`name`);--> statement-breakpoint
CREATE TABLE `quick_texts` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `quick_texts_org_title_unique` ON `quick_texts` (`org_id`,`title`);--> statement-breakpoint
CREATE TABLE `routing_decisions` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`work_item_id` text NOT NULL,
	`event` text NOT NULL,
	`agent_id` text,
	`actor_id` text,
	`reason` text DEFAULT '' NOT NULL,
	`considered` text DEFAULT '[]' NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`work_item_id`) REFERENCES `work_items`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`agent_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`actor_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `routing_decisions_item_idx` ON `routing_decisions` (`work_item_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `routing_settings` (
	`org_id` text PRIMARY KEY NOT NULL,
	`auto_away_after_missed_offers` integer,
	`reroute_on_offline` integer DEFAULT true NOT NULL,
	`no_reply_reassign_seconds` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `session_notes` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`session_id` text NOT NULL,
	`author_id` text,
	`author_name` text NOT NULL,
	`body` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`session_id`) REFERENCES `messaging_sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `session_notes_session_idx` ON `session_notes` (`session_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `messaging_sessions` ADD `agent_read_seq` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_agent_states` (
	`user_id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`presence` text DEFAULT 'offline' NOT NULL,
	`presence_status_id` text,
	`capacity` integer DEFAULT 3 NOT NULL,
	`load` integer DEFAULT 0 NOT NULL,
	`last_assigned_at` integer,
	`missed_offers` integer DEFAULT 0 NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`presence_status_id`) REFERENCES `presence_statuses`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "agent_states_load_not_negative" CHECK("__new_agent_states"."load" >= 0)
);
--> statement-breakpoint
INSERT INTO `__new_agent_states`("user_id", "org_id", "presence", "capacity", "updated_at") SELECT "user_id", "org_id", "presence", "capacity", "updated_at" FROM `agent_states`;--> statement-breakpoint
DROP TABLE `agent_states`;--> statement-breakpoint
ALTER TABLE `__new_agent_states` RENAME TO `agent_states`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `agent_states_org_presence_idx` ON `agent_states` (`org_id`,`presence`);--> statement-breakpoint
ALTER TABLE `queues` ADD `required_skills` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `queues` ADD `optional_skills` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `queues` ADD `optional_skills_wait_seconds` integer;--> statement-breakpoint
ALTER TABLE `queues` ADD `business_hours` text;--> statement-breakpoint
ALTER TABLE `queues` ADD `auto_accept` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `queues` ADD `when_none_online` text DEFAULT 'wait' NOT NULL;--> statement-breakpoint
ALTER TABLE `work_items` ADD `asked_at` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
UPDATE `work_items` SET `asked_at` = `created_at`;--> statement-breakpoint
ALTER TABLE `work_items` ADD `size` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `work_items` ADD `optional_skills` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `work_items` ADD `optional_skills_until` integer;--> statement-breakpoint
ALTER TABLE `work_items` ADD `overflow_queue_id` text REFERENCES queues(id);--> statement-breakpoint
ALTER TABLE `work_items` ADD `overflow_at` integer;--> statement-breakpoint
ALTER TABLE `work_items` ADD `offer_expires_at` integer;--> statement-breakpoint
ALTER TABLE `work_items` ADD `reply_due_at` integer;--> statement-breakpoint
ALTER TABLE `work_items` ADD `waiting_reason` text;--> statement-breakpoint
ALTER TABLE `work_items` ADD `told_position` integer;--> statement-breakpoint
ALTER TABLE `work_items` ADD `told_position_at` integer;--> statement-breakpoint
CREATE INDEX `work_items_queue_line_idx` ON `work_items` (`org_id`,`status`,`queue_id`,`priority`,`asked_at`);--> statement-breakpoint
CREATE INDEX `work_items_offer_expires_idx` ON `work_items` (`offer_expires_at`);--> statement-breakpoint
CREATE INDEX `work_items_overflow_idx` ON `work_items` (`overflow_at`);--> statement-breakpoint
CREATE INDEX `work_items_reply_due_idx` ON `work_items` (`reply_due_at`);--> statement-breakpoint
CREATE INDEX `work_items_accepted_by_idx` ON `work_items` (`accepted_by`,`status`);