import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261123140000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table if not exists "search_synonym_group" ("id" text not null, "terms" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "search_synonym_group_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_search_synonym_group_deleted_at" ON "search_synonym_group" ("deleted_at") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "search_query_log" ("id" text not null, "query" text not null, "result_count" integer not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "search_query_log_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_search_query_log_deleted_at" ON "search_query_log" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_search_query_log_created_at" ON "search_query_log" ("created_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_search_query_log_query" ON "search_query_log" ("query") WHERE deleted_at IS NULL;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "search_synonym_group" cascade;`)
    this.addSql(`drop table if exists "search_query_log" cascade;`)
  }
}
