import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."_locales" AS ENUM('en', 'fr');
  CREATE TYPE "public"."enum_pages_email_variants_tone" AS ENUM('formal', 'friendly', 'playful', 'urgent');
  CREATE TYPE "public"."enum_pages_email_variants_length" AS ENUM('short', 'medium', 'long');
  CREATE TYPE "public"."enum_pages_channel" AS ENUM('web', 'email', 'screen');
  CREATE TYPE "public"."enum_pages_email_tone" AS ENUM('formal', 'friendly', 'playful', 'urgent');
  CREATE TYPE "public"."enum_pages_email_length" AS ENUM('short', 'medium', 'long');
  CREATE TYPE "public"."enum_pages_screen_resolution" AS ENUM('1920x1080', '1080x1920', '3840x2160', '2160x3840');
  CREATE TYPE "public"."enum_pages_screen_orientation" AS ENUM('landscape', 'portrait');
  CREATE TYPE "public"."enum_pages_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__pages_v_version_email_variants_tone" AS ENUM('formal', 'friendly', 'playful', 'urgent');
  CREATE TYPE "public"."enum__pages_v_version_email_variants_length" AS ENUM('short', 'medium', 'long');
  CREATE TYPE "public"."enum__pages_v_version_channel" AS ENUM('web', 'email', 'screen');
  CREATE TYPE "public"."enum__pages_v_version_email_tone" AS ENUM('formal', 'friendly', 'playful', 'urgent');
  CREATE TYPE "public"."enum__pages_v_version_email_length" AS ENUM('short', 'medium', 'long');
  CREATE TYPE "public"."enum__pages_v_version_screen_resolution" AS ENUM('1920x1080', '1080x1920', '3840x2160', '2160x3840');
  CREATE TYPE "public"."enum__pages_v_version_screen_orientation" AS ENUM('landscape', 'portrait');
  CREATE TYPE "public"."enum__pages_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__pages_v_published_locale" AS ENUM('en', 'fr');
  CREATE TYPE "public"."enum_blocks_variants_channels" AS ENUM('web', 'email', 'screen');
  CREATE TYPE "public"."enum_blocks_variants_tone" AS ENUM('formal', 'friendly', 'playful', 'urgent');
  CREATE TYPE "public"."enum_blocks_variants_length" AS ENUM('short', 'medium', 'long');
  CREATE TYPE "public"."enum_blocks_variants_content_product_currency" AS ENUM('EUR', 'GBP', 'USD', 'CHF');
  CREATE TYPE "public"."enum_blocks_kind" AS ENUM('hero', 'text', 'offer', 'cta', 'image', 'product');
  CREATE TYPE "public"."enum_blocks_tone" AS ENUM('formal', 'friendly', 'playful', 'urgent');
  CREATE TYPE "public"."enum_blocks_length" AS ENUM('short', 'medium', 'long');
  CREATE TYPE "public"."enum_blocks_content_product_currency" AS ENUM('EUR', 'GBP', 'USD', 'CHF');
  CREATE TYPE "public"."enum_blocks_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__blocks_v_version_variants_channels" AS ENUM('web', 'email', 'screen');
  CREATE TYPE "public"."enum__blocks_v_version_variants_tone" AS ENUM('formal', 'friendly', 'playful', 'urgent');
  CREATE TYPE "public"."enum__blocks_v_version_variants_length" AS ENUM('short', 'medium', 'long');
  CREATE TYPE "public"."enum__blocks_v_version_variants_content_product_currency" AS ENUM('EUR', 'GBP', 'USD', 'CHF');
  CREATE TYPE "public"."enum__blocks_v_version_kind" AS ENUM('hero', 'text', 'offer', 'cta', 'image', 'product');
  CREATE TYPE "public"."enum__blocks_v_version_tone" AS ENUM('formal', 'friendly', 'playful', 'urgent');
  CREATE TYPE "public"."enum__blocks_v_version_length" AS ENUM('short', 'medium', 'long');
  CREATE TYPE "public"."enum__blocks_v_version_content_product_currency" AS ENUM('EUR', 'GBP', 'USD', 'CHF');
  CREATE TYPE "public"."enum__blocks_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__blocks_v_published_locale" AS ENUM('en', 'fr');
  CREATE TYPE "public"."enum_segments_rules_conditions_attribute" AS ENUM('trait', 'country', 'region', 'city', 'store', 'device', 'daypart', 'weekday', 'date', 'time', 'referrer', 'utmSource', 'utmMedium', 'utmCampaign', 'locale', 'channel', 'consent');
  CREATE TYPE "public"."enum_segments_rules_conditions_operator" AS ENUM('equals', 'not_equals', 'in', 'not_in', 'contains', 'exists', 'not_exists', 'lt', 'lte', 'gt', 'gte', 'between');
  CREATE TYPE "public"."enum_segments_rules_groups_conditions_attribute" AS ENUM('trait', 'country', 'region', 'city', 'store', 'device', 'daypart', 'weekday', 'date', 'time', 'referrer', 'utmSource', 'utmMedium', 'utmCampaign', 'locale', 'channel', 'consent');
  CREATE TYPE "public"."enum_segments_rules_groups_conditions_operator" AS ENUM('equals', 'not_equals', 'in', 'not_in', 'contains', 'exists', 'not_exists', 'lt', 'lte', 'gt', 'gte', 'between');
  CREATE TYPE "public"."enum_segments_rules_groups_match" AS ENUM('all', 'any');
  CREATE TYPE "public"."enum_segments_rules_match" AS ENUM('all', 'any');
  CREATE TYPE "public"."enum_users_role" AS ENUM('admin', 'editor', 'reviewer');
  CREATE TYPE "public"."enum_api_keys_scopes" AS ENUM('render', 'events');
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'schedulePublish');
  CREATE TYPE "public"."enum_payload_jobs_log_state" AS ENUM('failed', 'succeeded');
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'schedulePublish');
  CREATE TABLE "pages_slots" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"block_id" integer
  );
  
  CREATE TABLE "pages_email_variants" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"label" varchar,
  	"tone" "enum_pages_email_variants_tone",
  	"length" "enum_pages_email_variants_length" DEFAULT 'medium',
  	"active_from" timestamp(3) with time zone,
  	"active_to" timestamp(3) with time zone
  );
  
  CREATE TABLE "pages_email_variants_locales" (
  	"subject" varchar,
  	"preheader" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" varchar NOT NULL
  );
  
  CREATE TABLE "pages" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"slug" varchar,
  	"channel" "enum_pages_channel" DEFAULT 'web',
  	"email_tone" "enum_pages_email_tone" DEFAULT 'friendly',
  	"email_length" "enum_pages_email_length" DEFAULT 'medium',
  	"screen_resolution" "enum_pages_screen_resolution" DEFAULT '1920x1080',
  	"screen_orientation" "enum_pages_screen_orientation" DEFAULT 'landscape',
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_pages_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "pages_locales" (
  	"title" varchar,
  	"email_subject" varchar,
  	"email_preheader" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "pages_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"segments_id" integer
  );
  
  CREATE TABLE "_pages_v_version_slots" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"block_id" integer,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_pages_v_version_email_variants" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"label" varchar,
  	"tone" "enum__pages_v_version_email_variants_tone",
  	"length" "enum__pages_v_version_email_variants_length" DEFAULT 'medium',
  	"active_from" timestamp(3) with time zone,
  	"active_to" timestamp(3) with time zone,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_pages_v_version_email_variants_locales" (
  	"subject" varchar,
  	"preheader" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "_pages_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_slug" varchar,
  	"version_channel" "enum__pages_v_version_channel" DEFAULT 'web',
  	"version_email_tone" "enum__pages_v_version_email_tone" DEFAULT 'friendly',
  	"version_email_length" "enum__pages_v_version_email_length" DEFAULT 'medium',
  	"version_screen_resolution" "enum__pages_v_version_screen_resolution" DEFAULT '1920x1080',
  	"version_screen_orientation" "enum__pages_v_version_screen_orientation" DEFAULT 'landscape',
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__pages_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"snapshot" boolean,
  	"published_locale" "enum__pages_v_published_locale",
  	"latest" boolean
  );
  
  CREATE TABLE "_pages_v_locales" (
  	"version_title" varchar,
  	"version_email_subject" varchar,
  	"version_email_preheader" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "_pages_v_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"segments_id" integer
  );
  
  CREATE TABLE "blocks_variants_channels" (
  	"order" integer NOT NULL,
  	"parent_id" varchar NOT NULL,
  	"value" "enum_blocks_variants_channels",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "blocks_variants" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"label" varchar,
  	"tone" "enum_blocks_variants_tone",
  	"length" "enum_blocks_variants_length" DEFAULT 'medium',
  	"active_from" timestamp(3) with time zone,
  	"active_to" timestamp(3) with time zone,
  	"content_image_id" integer,
  	"content_cta_url" varchar,
  	"content_offer_code" varchar,
  	"content_offer_valid_until" timestamp(3) with time zone,
  	"content_product_price" numeric,
  	"content_product_currency" "enum_blocks_variants_content_product_currency",
  	"content_product_url" varchar
  );
  
  CREATE TABLE "blocks_variants_locales" (
  	"content_headline" varchar,
  	"content_body" jsonb,
  	"content_cta_label" varchar,
  	"content_offer_discount" varchar,
  	"content_product_name" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" varchar NOT NULL
  );
  
  CREATE TABLE "blocks" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar,
  	"kind" "enum_blocks_kind" DEFAULT 'text',
  	"tone" "enum_blocks_tone" DEFAULT 'friendly',
  	"length" "enum_blocks_length" DEFAULT 'medium',
  	"content_image_id" integer,
  	"content_cta_url" varchar,
  	"content_offer_code" varchar,
  	"content_offer_valid_until" timestamp(3) with time zone,
  	"content_product_price" numeric,
  	"content_product_currency" "enum_blocks_content_product_currency" DEFAULT 'EUR',
  	"content_product_url" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_blocks_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "blocks_locales" (
  	"content_headline" varchar,
  	"content_body" jsonb,
  	"content_cta_label" varchar,
  	"content_offer_discount" varchar,
  	"content_product_name" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "blocks_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"segments_id" integer
  );
  
  CREATE TABLE "_blocks_v_version_variants_channels" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum__blocks_v_version_variants_channels",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "_blocks_v_version_variants" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"label" varchar,
  	"tone" "enum__blocks_v_version_variants_tone",
  	"length" "enum__blocks_v_version_variants_length" DEFAULT 'medium',
  	"active_from" timestamp(3) with time zone,
  	"active_to" timestamp(3) with time zone,
  	"content_image_id" integer,
  	"content_cta_url" varchar,
  	"content_offer_code" varchar,
  	"content_offer_valid_until" timestamp(3) with time zone,
  	"content_product_price" numeric,
  	"content_product_currency" "enum__blocks_v_version_variants_content_product_currency",
  	"content_product_url" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_blocks_v_version_variants_locales" (
  	"content_headline" varchar,
  	"content_body" jsonb,
  	"content_cta_label" varchar,
  	"content_offer_discount" varchar,
  	"content_product_name" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "_blocks_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_name" varchar,
  	"version_kind" "enum__blocks_v_version_kind" DEFAULT 'text',
  	"version_tone" "enum__blocks_v_version_tone" DEFAULT 'friendly',
  	"version_length" "enum__blocks_v_version_length" DEFAULT 'medium',
  	"version_content_image_id" integer,
  	"version_content_cta_url" varchar,
  	"version_content_offer_code" varchar,
  	"version_content_offer_valid_until" timestamp(3) with time zone,
  	"version_content_product_price" numeric,
  	"version_content_product_currency" "enum__blocks_v_version_content_product_currency" DEFAULT 'EUR',
  	"version_content_product_url" varchar,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__blocks_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"snapshot" boolean,
  	"published_locale" "enum__blocks_v_published_locale",
  	"latest" boolean
  );
  
  CREATE TABLE "_blocks_v_locales" (
  	"version_content_headline" varchar,
  	"version_content_body" jsonb,
  	"version_content_cta_label" varchar,
  	"version_content_offer_discount" varchar,
  	"version_content_product_name" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "_blocks_v_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"segments_id" integer
  );
  
  CREATE TABLE "segments_rules_conditions" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"attribute" "enum_segments_rules_conditions_attribute" NOT NULL,
  	"trait" varchar,
  	"operator" "enum_segments_rules_conditions_operator" DEFAULT 'equals' NOT NULL,
  	"value" varchar,
  	"value_to" varchar
  );
  
  CREATE TABLE "segments_rules_groups_conditions" (
  	"_order" integer NOT NULL,
  	"_parent_id" varchar NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"attribute" "enum_segments_rules_groups_conditions_attribute" NOT NULL,
  	"trait" varchar,
  	"operator" "enum_segments_rules_groups_conditions_operator" DEFAULT 'equals' NOT NULL,
  	"value" varchar,
  	"value_to" varchar
  );
  
  CREATE TABLE "segments_rules_groups" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"match" "enum_segments_rules_groups_match" DEFAULT 'all' NOT NULL
  );
  
  CREATE TABLE "segments" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"slug" varchar NOT NULL,
  	"priority" numeric DEFAULT 0 NOT NULL,
  	"rules_match" "enum_segments_rules_match" DEFAULT 'all' NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "segments_locales" (
  	"name" varchar NOT NULL,
  	"description" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "segments_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  CREATE TABLE "media" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"url" varchar,
  	"thumbnail_u_r_l" varchar,
  	"filename" varchar,
  	"mime_type" varchar,
  	"filesize" numeric,
  	"width" numeric,
  	"height" numeric,
  	"focal_x" numeric,
  	"focal_y" numeric,
  	"sizes_web640_url" varchar,
  	"sizes_web640_width" numeric,
  	"sizes_web640_height" numeric,
  	"sizes_web640_mime_type" varchar,
  	"sizes_web640_filesize" numeric,
  	"sizes_web640_filename" varchar,
  	"sizes_web640avif_url" varchar,
  	"sizes_web640avif_width" numeric,
  	"sizes_web640avif_height" numeric,
  	"sizes_web640avif_mime_type" varchar,
  	"sizes_web640avif_filesize" numeric,
  	"sizes_web640avif_filename" varchar,
  	"sizes_web1024_url" varchar,
  	"sizes_web1024_width" numeric,
  	"sizes_web1024_height" numeric,
  	"sizes_web1024_mime_type" varchar,
  	"sizes_web1024_filesize" numeric,
  	"sizes_web1024_filename" varchar,
  	"sizes_web1024avif_url" varchar,
  	"sizes_web1024avif_width" numeric,
  	"sizes_web1024avif_height" numeric,
  	"sizes_web1024avif_mime_type" varchar,
  	"sizes_web1024avif_filesize" numeric,
  	"sizes_web1024avif_filename" varchar,
  	"sizes_web1600_url" varchar,
  	"sizes_web1600_width" numeric,
  	"sizes_web1600_height" numeric,
  	"sizes_web1600_mime_type" varchar,
  	"sizes_web1600_filesize" numeric,
  	"sizes_web1600_filename" varchar,
  	"sizes_web1600avif_url" varchar,
  	"sizes_web1600avif_width" numeric,
  	"sizes_web1600avif_height" numeric,
  	"sizes_web1600avif_mime_type" varchar,
  	"sizes_web1600avif_filesize" numeric,
  	"sizes_web1600avif_filename" varchar,
  	"sizes_email600_url" varchar,
  	"sizes_email600_width" numeric,
  	"sizes_email600_height" numeric,
  	"sizes_email600_mime_type" varchar,
  	"sizes_email600_filesize" numeric,
  	"sizes_email600_filename" varchar,
  	"sizes_email1200_url" varchar,
  	"sizes_email1200_width" numeric,
  	"sizes_email1200_height" numeric,
  	"sizes_email1200_mime_type" varchar,
  	"sizes_email1200_filesize" numeric,
  	"sizes_email1200_filename" varchar,
  	"sizes_screen1920_url" varchar,
  	"sizes_screen1920_width" numeric,
  	"sizes_screen1920_height" numeric,
  	"sizes_screen1920_mime_type" varchar,
  	"sizes_screen1920_filesize" numeric,
  	"sizes_screen1920_filename" varchar,
  	"sizes_screen3840_url" varchar,
  	"sizes_screen3840_width" numeric,
  	"sizes_screen3840_height" numeric,
  	"sizes_screen3840_mime_type" varchar,
  	"sizes_screen3840_filesize" numeric,
  	"sizes_screen3840_filename" varchar
  );
  
  CREATE TABLE "media_locales" (
  	"alt" varchar NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "users_sessions" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"created_at" timestamp(3) with time zone,
  	"expires_at" timestamp(3) with time zone NOT NULL
  );
  
  CREATE TABLE "users" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar,
  	"role" "enum_users_role" DEFAULT 'editor' NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"email" varchar NOT NULL,
  	"reset_password_token" varchar,
  	"reset_password_expiration" timestamp(3) with time zone,
  	"salt" varchar,
  	"hash" varchar,
  	"reset_password_requested_at" timestamp(3) with time zone,
  	"login_attempts" numeric DEFAULT 0,
  	"lock_until" timestamp(3) with time zone
  );
  
  CREATE TABLE "api_keys_scopes" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_api_keys_scopes",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "api_keys" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"hint" varchar,
  	"key_hash" varchar,
  	"revoked" boolean DEFAULT false,
  	"revoked_at" timestamp(3) with time zone,
  	"expires_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_kv" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"data" jsonb NOT NULL
  );
  
  CREATE TABLE "payload_jobs_log" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"executed_at" timestamp(3) with time zone NOT NULL,
  	"completed_at" timestamp(3) with time zone NOT NULL,
  	"task_slug" "enum_payload_jobs_log_task_slug" NOT NULL,
  	"task_i_d" varchar NOT NULL,
  	"input" jsonb,
  	"output" jsonb,
  	"state" "enum_payload_jobs_log_state" NOT NULL,
  	"error" jsonb
  );
  
  CREATE TABLE "payload_jobs" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"input" jsonb,
  	"completed_at" timestamp(3) with time zone,
  	"total_tried" numeric DEFAULT 0,
  	"has_error" boolean DEFAULT false,
  	"error" jsonb,
  	"task_slug" "enum_payload_jobs_task_slug",
  	"queue" varchar DEFAULT 'default',
  	"wait_until" timestamp(3) with time zone,
  	"processing" boolean DEFAULT false,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_locked_documents" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"global_slug" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_locked_documents_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"pages_id" integer,
  	"blocks_id" integer,
  	"segments_id" integer,
  	"media_id" integer,
  	"users_id" integer,
  	"api_keys_id" integer
  );
  
  CREATE TABLE "payload_preferences" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar,
  	"value" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_preferences_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" integer
  );
  
  CREATE TABLE "payload_migrations" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar,
  	"batch" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "pages_slots" ADD CONSTRAINT "pages_slots_block_id_blocks_id_fk" FOREIGN KEY ("block_id") REFERENCES "public"."blocks"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "pages_slots" ADD CONSTRAINT "pages_slots_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."pages"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "pages_email_variants" ADD CONSTRAINT "pages_email_variants_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."pages"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "pages_email_variants_locales" ADD CONSTRAINT "pages_email_variants_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."pages_email_variants"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "pages_locales" ADD CONSTRAINT "pages_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."pages"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "pages_rels" ADD CONSTRAINT "pages_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."pages"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "pages_rels" ADD CONSTRAINT "pages_rels_segments_fk" FOREIGN KEY ("segments_id") REFERENCES "public"."segments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_pages_v_version_slots" ADD CONSTRAINT "_pages_v_version_slots_block_id_blocks_id_fk" FOREIGN KEY ("block_id") REFERENCES "public"."blocks"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_pages_v_version_slots" ADD CONSTRAINT "_pages_v_version_slots_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_pages_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_pages_v_version_email_variants" ADD CONSTRAINT "_pages_v_version_email_variants_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_pages_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_pages_v_version_email_variants_locales" ADD CONSTRAINT "_pages_v_version_email_variants_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_pages_v_version_email_variants"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_pages_v" ADD CONSTRAINT "_pages_v_parent_id_pages_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."pages"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_pages_v_locales" ADD CONSTRAINT "_pages_v_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_pages_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_pages_v_rels" ADD CONSTRAINT "_pages_v_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_pages_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_pages_v_rels" ADD CONSTRAINT "_pages_v_rels_segments_fk" FOREIGN KEY ("segments_id") REFERENCES "public"."segments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "blocks_variants_channels" ADD CONSTRAINT "blocks_variants_channels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."blocks_variants"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "blocks_variants" ADD CONSTRAINT "blocks_variants_content_image_id_media_id_fk" FOREIGN KEY ("content_image_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "blocks_variants" ADD CONSTRAINT "blocks_variants_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."blocks"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "blocks_variants_locales" ADD CONSTRAINT "blocks_variants_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."blocks_variants"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "blocks" ADD CONSTRAINT "blocks_content_image_id_media_id_fk" FOREIGN KEY ("content_image_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "blocks_locales" ADD CONSTRAINT "blocks_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."blocks"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "blocks_rels" ADD CONSTRAINT "blocks_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."blocks"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "blocks_rels" ADD CONSTRAINT "blocks_rels_segments_fk" FOREIGN KEY ("segments_id") REFERENCES "public"."segments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_blocks_v_version_variants_channels" ADD CONSTRAINT "_blocks_v_version_variants_channels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_blocks_v_version_variants"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_blocks_v_version_variants" ADD CONSTRAINT "_blocks_v_version_variants_content_image_id_media_id_fk" FOREIGN KEY ("content_image_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_blocks_v_version_variants" ADD CONSTRAINT "_blocks_v_version_variants_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_blocks_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_blocks_v_version_variants_locales" ADD CONSTRAINT "_blocks_v_version_variants_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_blocks_v_version_variants"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_blocks_v" ADD CONSTRAINT "_blocks_v_parent_id_blocks_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."blocks"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_blocks_v" ADD CONSTRAINT "_blocks_v_version_content_image_id_media_id_fk" FOREIGN KEY ("version_content_image_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_blocks_v_locales" ADD CONSTRAINT "_blocks_v_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_blocks_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_blocks_v_rels" ADD CONSTRAINT "_blocks_v_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_blocks_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_blocks_v_rels" ADD CONSTRAINT "_blocks_v_rels_segments_fk" FOREIGN KEY ("segments_id") REFERENCES "public"."segments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "segments_rules_conditions" ADD CONSTRAINT "segments_rules_conditions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."segments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "segments_rules_groups_conditions" ADD CONSTRAINT "segments_rules_groups_conditions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."segments_rules_groups"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "segments_rules_groups" ADD CONSTRAINT "segments_rules_groups_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."segments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "segments_locales" ADD CONSTRAINT "segments_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."segments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "segments_texts" ADD CONSTRAINT "segments_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."segments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "media_locales" ADD CONSTRAINT "media_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "users_sessions" ADD CONSTRAINT "users_sessions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "api_keys_scopes" ADD CONSTRAINT "api_keys_scopes_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."api_keys"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_jobs_log" ADD CONSTRAINT "payload_jobs_log_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."payload_jobs"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."payload_locked_documents"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_pages_fk" FOREIGN KEY ("pages_id") REFERENCES "public"."pages"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_blocks_fk" FOREIGN KEY ("blocks_id") REFERENCES "public"."blocks"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_segments_fk" FOREIGN KEY ("segments_id") REFERENCES "public"."segments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_media_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_api_keys_fk" FOREIGN KEY ("api_keys_id") REFERENCES "public"."api_keys"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."payload_preferences"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "pages_slots_order_idx" ON "pages_slots" USING btree ("_order");
  CREATE INDEX "pages_slots_parent_id_idx" ON "pages_slots" USING btree ("_parent_id");
  CREATE INDEX "pages_slots_block_idx" ON "pages_slots" USING btree ("block_id");
  CREATE INDEX "pages_email_variants_order_idx" ON "pages_email_variants" USING btree ("_order");
  CREATE INDEX "pages_email_variants_parent_id_idx" ON "pages_email_variants" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "pages_email_variants_locales_locale_parent_id_unique" ON "pages_email_variants_locales" USING btree ("_locale","_parent_id");
  CREATE UNIQUE INDEX "pages_slug_idx" ON "pages" USING btree ("slug");
  CREATE INDEX "pages_updated_at_idx" ON "pages" USING btree ("updated_at");
  CREATE INDEX "pages_created_at_idx" ON "pages" USING btree ("created_at");
  CREATE INDEX "pages__status_idx" ON "pages" USING btree ("_status");
  CREATE UNIQUE INDEX "pages_locales_locale_parent_id_unique" ON "pages_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "pages_rels_order_idx" ON "pages_rels" USING btree ("order");
  CREATE INDEX "pages_rels_parent_idx" ON "pages_rels" USING btree ("parent_id");
  CREATE INDEX "pages_rels_path_idx" ON "pages_rels" USING btree ("path");
  CREATE INDEX "pages_rels_segments_id_idx" ON "pages_rels" USING btree ("segments_id");
  CREATE INDEX "_pages_v_version_slots_order_idx" ON "_pages_v_version_slots" USING btree ("_order");
  CREATE INDEX "_pages_v_version_slots_parent_id_idx" ON "_pages_v_version_slots" USING btree ("_parent_id");
  CREATE INDEX "_pages_v_version_slots_block_idx" ON "_pages_v_version_slots" USING btree ("block_id");
  CREATE INDEX "_pages_v_version_email_variants_order_idx" ON "_pages_v_version_email_variants" USING btree ("_order");
  CREATE INDEX "_pages_v_version_email_variants_parent_id_idx" ON "_pages_v_version_email_variants" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "_pages_v_version_email_variants_locales_locale_parent_id_uni" ON "_pages_v_version_email_variants_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "_pages_v_parent_idx" ON "_pages_v" USING btree ("parent_id");
  CREATE INDEX "_pages_v_version_version_slug_idx" ON "_pages_v" USING btree ("version_slug");
  CREATE INDEX "_pages_v_version_version_updated_at_idx" ON "_pages_v" USING btree ("version_updated_at");
  CREATE INDEX "_pages_v_version_version_created_at_idx" ON "_pages_v" USING btree ("version_created_at");
  CREATE INDEX "_pages_v_version_version__status_idx" ON "_pages_v" USING btree ("version__status");
  CREATE INDEX "_pages_v_created_at_idx" ON "_pages_v" USING btree ("created_at");
  CREATE INDEX "_pages_v_updated_at_idx" ON "_pages_v" USING btree ("updated_at");
  CREATE INDEX "_pages_v_snapshot_idx" ON "_pages_v" USING btree ("snapshot");
  CREATE INDEX "_pages_v_published_locale_idx" ON "_pages_v" USING btree ("published_locale");
  CREATE INDEX "_pages_v_latest_idx" ON "_pages_v" USING btree ("latest");
  CREATE UNIQUE INDEX "_pages_v_locales_locale_parent_id_unique" ON "_pages_v_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "_pages_v_rels_order_idx" ON "_pages_v_rels" USING btree ("order");
  CREATE INDEX "_pages_v_rels_parent_idx" ON "_pages_v_rels" USING btree ("parent_id");
  CREATE INDEX "_pages_v_rels_path_idx" ON "_pages_v_rels" USING btree ("path");
  CREATE INDEX "_pages_v_rels_segments_id_idx" ON "_pages_v_rels" USING btree ("segments_id");
  CREATE INDEX "blocks_variants_channels_order_idx" ON "blocks_variants_channels" USING btree ("order");
  CREATE INDEX "blocks_variants_channels_parent_idx" ON "blocks_variants_channels" USING btree ("parent_id");
  CREATE INDEX "blocks_variants_order_idx" ON "blocks_variants" USING btree ("_order");
  CREATE INDEX "blocks_variants_parent_id_idx" ON "blocks_variants" USING btree ("_parent_id");
  CREATE INDEX "blocks_variants_content_content_image_idx" ON "blocks_variants" USING btree ("content_image_id");
  CREATE UNIQUE INDEX "blocks_variants_locales_locale_parent_id_unique" ON "blocks_variants_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "blocks_content_content_image_idx" ON "blocks" USING btree ("content_image_id");
  CREATE INDEX "blocks_updated_at_idx" ON "blocks" USING btree ("updated_at");
  CREATE INDEX "blocks_created_at_idx" ON "blocks" USING btree ("created_at");
  CREATE INDEX "blocks__status_idx" ON "blocks" USING btree ("_status");
  CREATE UNIQUE INDEX "blocks_locales_locale_parent_id_unique" ON "blocks_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "blocks_rels_order_idx" ON "blocks_rels" USING btree ("order");
  CREATE INDEX "blocks_rels_parent_idx" ON "blocks_rels" USING btree ("parent_id");
  CREATE INDEX "blocks_rels_path_idx" ON "blocks_rels" USING btree ("path");
  CREATE INDEX "blocks_rels_segments_id_idx" ON "blocks_rels" USING btree ("segments_id");
  CREATE INDEX "_blocks_v_version_variants_channels_order_idx" ON "_blocks_v_version_variants_channels" USING btree ("order");
  CREATE INDEX "_blocks_v_version_variants_channels_parent_idx" ON "_blocks_v_version_variants_channels" USING btree ("parent_id");
  CREATE INDEX "_blocks_v_version_variants_order_idx" ON "_blocks_v_version_variants" USING btree ("_order");
  CREATE INDEX "_blocks_v_version_variants_parent_id_idx" ON "_blocks_v_version_variants" USING btree ("_parent_id");
  CREATE INDEX "_blocks_v_version_variants_content_content_image_idx" ON "_blocks_v_version_variants" USING btree ("content_image_id");
  CREATE UNIQUE INDEX "_blocks_v_version_variants_locales_locale_parent_id_unique" ON "_blocks_v_version_variants_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "_blocks_v_parent_idx" ON "_blocks_v" USING btree ("parent_id");
  CREATE INDEX "_blocks_v_version_content_version_content_image_idx" ON "_blocks_v" USING btree ("version_content_image_id");
  CREATE INDEX "_blocks_v_version_version_updated_at_idx" ON "_blocks_v" USING btree ("version_updated_at");
  CREATE INDEX "_blocks_v_version_version_created_at_idx" ON "_blocks_v" USING btree ("version_created_at");
  CREATE INDEX "_blocks_v_version_version__status_idx" ON "_blocks_v" USING btree ("version__status");
  CREATE INDEX "_blocks_v_created_at_idx" ON "_blocks_v" USING btree ("created_at");
  CREATE INDEX "_blocks_v_updated_at_idx" ON "_blocks_v" USING btree ("updated_at");
  CREATE INDEX "_blocks_v_snapshot_idx" ON "_blocks_v" USING btree ("snapshot");
  CREATE INDEX "_blocks_v_published_locale_idx" ON "_blocks_v" USING btree ("published_locale");
  CREATE INDEX "_blocks_v_latest_idx" ON "_blocks_v" USING btree ("latest");
  CREATE UNIQUE INDEX "_blocks_v_locales_locale_parent_id_unique" ON "_blocks_v_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "_blocks_v_rels_order_idx" ON "_blocks_v_rels" USING btree ("order");
  CREATE INDEX "_blocks_v_rels_parent_idx" ON "_blocks_v_rels" USING btree ("parent_id");
  CREATE INDEX "_blocks_v_rels_path_idx" ON "_blocks_v_rels" USING btree ("path");
  CREATE INDEX "_blocks_v_rels_segments_id_idx" ON "_blocks_v_rels" USING btree ("segments_id");
  CREATE INDEX "segments_rules_conditions_order_idx" ON "segments_rules_conditions" USING btree ("_order");
  CREATE INDEX "segments_rules_conditions_parent_id_idx" ON "segments_rules_conditions" USING btree ("_parent_id");
  CREATE INDEX "segments_rules_groups_conditions_order_idx" ON "segments_rules_groups_conditions" USING btree ("_order");
  CREATE INDEX "segments_rules_groups_conditions_parent_id_idx" ON "segments_rules_groups_conditions" USING btree ("_parent_id");
  CREATE INDEX "segments_rules_groups_order_idx" ON "segments_rules_groups" USING btree ("_order");
  CREATE INDEX "segments_rules_groups_parent_id_idx" ON "segments_rules_groups" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "segments_slug_idx" ON "segments" USING btree ("slug");
  CREATE INDEX "segments_updated_at_idx" ON "segments" USING btree ("updated_at");
  CREATE INDEX "segments_created_at_idx" ON "segments" USING btree ("created_at");
  CREATE UNIQUE INDEX "segments_locales_locale_parent_id_unique" ON "segments_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "segments_texts_order_parent" ON "segments_texts" USING btree ("order","parent_id");
  CREATE INDEX "media_updated_at_idx" ON "media" USING btree ("updated_at");
  CREATE INDEX "media_created_at_idx" ON "media" USING btree ("created_at");
  CREATE UNIQUE INDEX "media_filename_idx" ON "media" USING btree ("filename");
  CREATE INDEX "media_sizes_web640_sizes_web640_filename_idx" ON "media" USING btree ("sizes_web640_filename");
  CREATE INDEX "media_sizes_web640avif_sizes_web640avif_filename_idx" ON "media" USING btree ("sizes_web640avif_filename");
  CREATE INDEX "media_sizes_web1024_sizes_web1024_filename_idx" ON "media" USING btree ("sizes_web1024_filename");
  CREATE INDEX "media_sizes_web1024avif_sizes_web1024avif_filename_idx" ON "media" USING btree ("sizes_web1024avif_filename");
  CREATE INDEX "media_sizes_web1600_sizes_web1600_filename_idx" ON "media" USING btree ("sizes_web1600_filename");
  CREATE INDEX "media_sizes_web1600avif_sizes_web1600avif_filename_idx" ON "media" USING btree ("sizes_web1600avif_filename");
  CREATE INDEX "media_sizes_email600_sizes_email600_filename_idx" ON "media" USING btree ("sizes_email600_filename");
  CREATE INDEX "media_sizes_email1200_sizes_email1200_filename_idx" ON "media" USING btree ("sizes_email1200_filename");
  CREATE INDEX "media_sizes_screen1920_sizes_screen1920_filename_idx" ON "media" USING btree ("sizes_screen1920_filename");
  CREATE INDEX "media_sizes_screen3840_sizes_screen3840_filename_idx" ON "media" USING btree ("sizes_screen3840_filename");
  CREATE UNIQUE INDEX "media_locales_locale_parent_id_unique" ON "media_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "users_sessions_order_idx" ON "users_sessions" USING btree ("_order");
  CREATE INDEX "users_sessions_parent_id_idx" ON "users_sessions" USING btree ("_parent_id");
  CREATE INDEX "users_updated_at_idx" ON "users" USING btree ("updated_at");
  CREATE INDEX "users_created_at_idx" ON "users" USING btree ("created_at");
  CREATE UNIQUE INDEX "users_email_idx" ON "users" USING btree ("email");
  CREATE INDEX "api_keys_scopes_order_idx" ON "api_keys_scopes" USING btree ("order");
  CREATE INDEX "api_keys_scopes_parent_idx" ON "api_keys_scopes" USING btree ("parent_id");
  CREATE UNIQUE INDEX "api_keys_key_hash_idx" ON "api_keys" USING btree ("key_hash");
  CREATE INDEX "api_keys_updated_at_idx" ON "api_keys" USING btree ("updated_at");
  CREATE INDEX "api_keys_created_at_idx" ON "api_keys" USING btree ("created_at");
  CREATE UNIQUE INDEX "payload_kv_key_idx" ON "payload_kv" USING btree ("key");
  CREATE INDEX "payload_jobs_log_order_idx" ON "payload_jobs_log" USING btree ("_order");
  CREATE INDEX "payload_jobs_log_parent_id_idx" ON "payload_jobs_log" USING btree ("_parent_id");
  CREATE INDEX "payload_jobs_completed_at_idx" ON "payload_jobs" USING btree ("completed_at");
  CREATE INDEX "payload_jobs_total_tried_idx" ON "payload_jobs" USING btree ("total_tried");
  CREATE INDEX "payload_jobs_has_error_idx" ON "payload_jobs" USING btree ("has_error");
  CREATE INDEX "payload_jobs_task_slug_idx" ON "payload_jobs" USING btree ("task_slug");
  CREATE INDEX "payload_jobs_queue_idx" ON "payload_jobs" USING btree ("queue");
  CREATE INDEX "payload_jobs_wait_until_idx" ON "payload_jobs" USING btree ("wait_until");
  CREATE INDEX "payload_jobs_processing_idx" ON "payload_jobs" USING btree ("processing");
  CREATE INDEX "payload_jobs_updated_at_idx" ON "payload_jobs" USING btree ("updated_at");
  CREATE INDEX "payload_jobs_created_at_idx" ON "payload_jobs" USING btree ("created_at");
  CREATE INDEX "payload_locked_documents_global_slug_idx" ON "payload_locked_documents" USING btree ("global_slug");
  CREATE INDEX "payload_locked_documents_updated_at_idx" ON "payload_locked_documents" USING btree ("updated_at");
  CREATE INDEX "payload_locked_documents_created_at_idx" ON "payload_locked_documents" USING btree ("created_at");
  CREATE INDEX "payload_locked_documents_rels_order_idx" ON "payload_locked_documents_rels" USING btree ("order");
  CREATE INDEX "payload_locked_documents_rels_parent_idx" ON "payload_locked_documents_rels" USING btree ("parent_id");
  CREATE INDEX "payload_locked_documents_rels_path_idx" ON "payload_locked_documents_rels" USING btree ("path");
  CREATE INDEX "payload_locked_documents_rels_pages_id_idx" ON "payload_locked_documents_rels" USING btree ("pages_id");
  CREATE INDEX "payload_locked_documents_rels_blocks_id_idx" ON "payload_locked_documents_rels" USING btree ("blocks_id");
  CREATE INDEX "payload_locked_documents_rels_segments_id_idx" ON "payload_locked_documents_rels" USING btree ("segments_id");
  CREATE INDEX "payload_locked_documents_rels_media_id_idx" ON "payload_locked_documents_rels" USING btree ("media_id");
  CREATE INDEX "payload_locked_documents_rels_users_id_idx" ON "payload_locked_documents_rels" USING btree ("users_id");
  CREATE INDEX "payload_locked_documents_rels_api_keys_id_idx" ON "payload_locked_documents_rels" USING btree ("api_keys_id");
  CREATE INDEX "payload_preferences_key_idx" ON "payload_preferences" USING btree ("key");
  CREATE INDEX "payload_preferences_updated_at_idx" ON "payload_preferences" USING btree ("updated_at");
  CREATE INDEX "payload_preferences_created_at_idx" ON "payload_preferences" USING btree ("created_at");
  CREATE INDEX "payload_preferences_rels_order_idx" ON "payload_preferences_rels" USING btree ("order");
  CREATE INDEX "payload_preferences_rels_parent_idx" ON "payload_preferences_rels" USING btree ("parent_id");
  CREATE INDEX "payload_preferences_rels_path_idx" ON "payload_preferences_rels" USING btree ("path");
  CREATE INDEX "payload_preferences_rels_users_id_idx" ON "payload_preferences_rels" USING btree ("users_id");
  CREATE INDEX "payload_migrations_updated_at_idx" ON "payload_migrations" USING btree ("updated_at");
  CREATE INDEX "payload_migrations_created_at_idx" ON "payload_migrations" USING btree ("created_at");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "pages_slots" CASCADE;
  DROP TABLE "pages_email_variants" CASCADE;
  DROP TABLE "pages_email_variants_locales" CASCADE;
  DROP TABLE "pages" CASCADE;
  DROP TABLE "pages_locales" CASCADE;
  DROP TABLE "pages_rels" CASCADE;
  DROP TABLE "_pages_v_version_slots" CASCADE;
  DROP TABLE "_pages_v_version_email_variants" CASCADE;
  DROP TABLE "_pages_v_version_email_variants_locales" CASCADE;
  DROP TABLE "_pages_v" CASCADE;
  DROP TABLE "_pages_v_locales" CASCADE;
  DROP TABLE "_pages_v_rels" CASCADE;
  DROP TABLE "blocks_variants_channels" CASCADE;
  DROP TABLE "blocks_variants" CASCADE;
  DROP TABLE "blocks_variants_locales" CASCADE;
  DROP TABLE "blocks" CASCADE;
  DROP TABLE "blocks_locales" CASCADE;
  DROP TABLE "blocks_rels" CASCADE;
  DROP TABLE "_blocks_v_version_variants_channels" CASCADE;
  DROP TABLE "_blocks_v_version_variants" CASCADE;
  DROP TABLE "_blocks_v_version_variants_locales" CASCADE;
  DROP TABLE "_blocks_v" CASCADE;
  DROP TABLE "_blocks_v_locales" CASCADE;
  DROP TABLE "_blocks_v_rels" CASCADE;
  DROP TABLE "segments_rules_conditions" CASCADE;
  DROP TABLE "segments_rules_groups_conditions" CASCADE;
  DROP TABLE "segments_rules_groups" CASCADE;
  DROP TABLE "segments" CASCADE;
  DROP TABLE "segments_locales" CASCADE;
  DROP TABLE "segments_texts" CASCADE;
  DROP TABLE "media" CASCADE;
  DROP TABLE "media_locales" CASCADE;
  DROP TABLE "users_sessions" CASCADE;
  DROP TABLE "users" CASCADE;
  DROP TABLE "api_keys_scopes" CASCADE;
  DROP TABLE "api_keys" CASCADE;
  DROP TABLE "payload_kv" CASCADE;
  DROP TABLE "payload_jobs_log" CASCADE;
  DROP TABLE "payload_jobs" CASCADE;
  DROP TABLE "payload_locked_documents" CASCADE;
  DROP TABLE "payload_locked_documents_rels" CASCADE;
  DROP TABLE "payload_preferences" CASCADE;
  DROP TABLE "payload_preferences_rels" CASCADE;
  DROP TABLE "payload_migrations" CASCADE;
  DROP TYPE "public"."_locales";
  DROP TYPE "public"."enum_pages_email_variants_tone";
  DROP TYPE "public"."enum_pages_email_variants_length";
  DROP TYPE "public"."enum_pages_channel";
  DROP TYPE "public"."enum_pages_email_tone";
  DROP TYPE "public"."enum_pages_email_length";
  DROP TYPE "public"."enum_pages_screen_resolution";
  DROP TYPE "public"."enum_pages_screen_orientation";
  DROP TYPE "public"."enum_pages_status";
  DROP TYPE "public"."enum__pages_v_version_email_variants_tone";
  DROP TYPE "public"."enum__pages_v_version_email_variants_length";
  DROP TYPE "public"."enum__pages_v_version_channel";
  DROP TYPE "public"."enum__pages_v_version_email_tone";
  DROP TYPE "public"."enum__pages_v_version_email_length";
  DROP TYPE "public"."enum__pages_v_version_screen_resolution";
  DROP TYPE "public"."enum__pages_v_version_screen_orientation";
  DROP TYPE "public"."enum__pages_v_version_status";
  DROP TYPE "public"."enum__pages_v_published_locale";
  DROP TYPE "public"."enum_blocks_variants_channels";
  DROP TYPE "public"."enum_blocks_variants_tone";
  DROP TYPE "public"."enum_blocks_variants_length";
  DROP TYPE "public"."enum_blocks_variants_content_product_currency";
  DROP TYPE "public"."enum_blocks_kind";
  DROP TYPE "public"."enum_blocks_tone";
  DROP TYPE "public"."enum_blocks_length";
  DROP TYPE "public"."enum_blocks_content_product_currency";
  DROP TYPE "public"."enum_blocks_status";
  DROP TYPE "public"."enum__blocks_v_version_variants_channels";
  DROP TYPE "public"."enum__blocks_v_version_variants_tone";
  DROP TYPE "public"."enum__blocks_v_version_variants_length";
  DROP TYPE "public"."enum__blocks_v_version_variants_content_product_currency";
  DROP TYPE "public"."enum__blocks_v_version_kind";
  DROP TYPE "public"."enum__blocks_v_version_tone";
  DROP TYPE "public"."enum__blocks_v_version_length";
  DROP TYPE "public"."enum__blocks_v_version_content_product_currency";
  DROP TYPE "public"."enum__blocks_v_version_status";
  DROP TYPE "public"."enum__blocks_v_published_locale";
  DROP TYPE "public"."enum_segments_rules_conditions_attribute";
  DROP TYPE "public"."enum_segments_rules_conditions_operator";
  DROP TYPE "public"."enum_segments_rules_groups_conditions_attribute";
  DROP TYPE "public"."enum_segments_rules_groups_conditions_operator";
  DROP TYPE "public"."enum_segments_rules_groups_match";
  DROP TYPE "public"."enum_segments_rules_match";
  DROP TYPE "public"."enum_users_role";
  DROP TYPE "public"."enum_api_keys_scopes";
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  DROP TYPE "public"."enum_payload_jobs_log_state";
  DROP TYPE "public"."enum_payload_jobs_task_slug";`)
}
