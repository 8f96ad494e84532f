ALTER TABLE "settlements" DROP CONSTRAINT "settlements_decided_by_users_id_fk";
