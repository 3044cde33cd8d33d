import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_api_keys_scopes" ADD VALUE 'delivery';`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "api_keys_scopes" ALTER COLUMN "value" SET DATA TYPE text;
  DROP TYPE "public"."enum_api_keys_scopes";
  CREATE TYPE "public"."enum_api_keys_scopes" AS ENUM('render', 'events');
  ALTER TABLE "api_keys_scopes" ALTER COLUMN "value" SET DATA TYPE "public"."enum_api_keys_scopes" USING "value"::"public"."enum_api_keys_scopes";`)
}
