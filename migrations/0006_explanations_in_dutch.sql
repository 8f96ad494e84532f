ALTER TABLE "contracts" ADD COLUMN "obligation_explanation_nl" text;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "explanation_nl" text;