import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261205170000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table if not exists "email_message" ("id" text not null, "idempotency_key" text not null, "template" text not null, "recipient" text not null, "locale" text not null, "subject" text not null, "html" text not null, "text" text not null, "status" text check ("status" in ('pending', 'stored', 'sent', 'retrying', 'failed')) not null default 'pending', "attempts" integer not null default 0, "next_attempt_at" timestamptz null, "sent_at" timestamptz null, "last_error" text null, "external_id" text null, "event_name" text null, "order_id" text null, "customer_id" text null, "resent_from_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "email_message_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_email_message_deleted_at" ON "email_message" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_email_message_idempotency_key_unique" ON "email_message" ("idempotency_key");`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_email_message_order_id" ON "email_message" ("order_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_email_message_status_next_attempt_at" ON "email_message" ("status", "next_attempt_at") WHERE deleted_at IS NULL;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "email_message" cascade;`)
  }
}
