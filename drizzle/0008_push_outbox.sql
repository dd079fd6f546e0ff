CREATE TABLE `push_settings` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`deployment_id` text NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	`show_text` integer DEFAULT true NOT NULL,
	`title` text,
	`quiet_hours` text,
	`vapid_public_key` text NOT NULL,
	`vapid_private_key_sealed` text NOT NULL,
	`vapid_subject` text,
	`apns_team_id` text,
	`apns_key_id` text,
	`apns_key_sealed` text,
	`fcm_project_id` text,
	`fcm_client_email` text,
	`fcm_key_sealed` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by` text,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`deployment_id`) REFERENCES `deployments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`updated_by`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `push_settings_deployment_unique` ON `push_settings` (`deployment_id`);--> statement-breakpoint
-- Nothing ever wrote push deliveries before this migration: the table is rebuilt with its new columns and cascades.
DROP TABLE `push_deliveries`;--> statement-breakpoint
CREATE TABLE `push_deliveries` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`registration_id` text NOT NULL,
	`session_id` text,
	`entry_id` text,
	`seq` integer,
	`collapse_key` text,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`last_error` text,
	`provider_status` integer,
	`created_at` integer NOT NULL,
	`sent_at` integer,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`registration_id`) REFERENCES `push_registrations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`session_id`) REFERENCES `messaging_sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`entry_id`) REFERENCES `conversation_entries`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `push_deliveries_due_idx` ON `push_deliveries` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `push_deliveries_registration_idx` ON `push_deliveries` (`registration_id`,`collapse_key`,`created_at`);--> statement-breakpoint
CREATE INDEX `push_deliveries_org_idx` ON `push_deliveries` (`org_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `push_registrations` ADD `bundle_id` text;--> statement-breakpoint
ALTER TABLE `push_registrations` ADD `environment` text;--> statement-breakpoint
ALTER TABLE `push_registrations` ADD `time_zone` text;--> statement-breakpoint
ALTER TABLE `push_registrations` ADD `deactivated_at` integer;--> statement-breakpoint
ALTER TABLE `push_registrations` ADD `deactivated_reason` text;