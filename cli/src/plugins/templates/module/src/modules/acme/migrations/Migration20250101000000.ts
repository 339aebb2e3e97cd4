import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/** Creates the acme_entry table (`tienda plugin add` and `medusa db:migrate` run it). */
export class Migration20250101000000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table if not exists "acme_entry" ("id" text not null, "label" text not null, "quantity" integer not null default 0, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "acme_entry_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_acme_entry_deleted_at" ON "acme_entry" (deleted_at) WHERE deleted_at IS NULL;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "acme_entry" cascade;`)
  }
}
