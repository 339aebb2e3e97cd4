import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261123083458 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table if exists "table_rate_table" drop constraint if exists "table_rate_table_shipping_option_id_unique";`
    )
    this.addSql(
      `create table if not exists "table_rate_table" ("id" text not null, "shipping_option_id" text not null, "version" integer not null default 1, "handling_fee" jsonb not null default '{}', "free_over" jsonb not null default '{}', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "table_rate_table_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_table_rate_table_deleted_at" ON "table_rate_table" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_table_rate_table_shipping_option_id_unique" ON "table_rate_table" ("shipping_option_id") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "table_rate_row" ("id" text not null, "position" integer not null, "currency_code" text not null, "min_weight" integer not null, "max_weight" integer null, "min_subtotal" integer not null, "max_subtotal" integer null, "price" integer not null, "table_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "table_rate_row_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_table_rate_row_table_id" ON "table_rate_row" ("table_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_table_rate_row_deleted_at" ON "table_rate_row" ("deleted_at") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `alter table if exists "table_rate_row" add constraint "table_rate_row_table_id_foreign" foreign key ("table_id") references "table_rate_table" ("id") on update cascade on delete cascade;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "table_rate_row" drop constraint if exists "table_rate_row_table_id_foreign";`)

    this.addSql(`drop table if exists "table_rate_table" cascade;`)

    this.addSql(`drop table if exists "table_rate_row" cascade;`)
  }
}
