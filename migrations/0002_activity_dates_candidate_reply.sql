ALTER TABLE "activities" ADD COLUMN "start_date" date;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "end_date" date;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "candidate_start" date;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "candidate_end" date;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "candidate_hours_per_week" numeric(5, 2);--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "supplier_reply" text;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "replied_at" timestamp with time zone;