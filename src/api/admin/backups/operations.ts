import { z } from "@medusajs/framework/zod"
import { INVALID, UNAUTHENTICATED } from "../../../lib/api-docs/answers"
import type { ApiOperation } from "../../../lib/api-docs/operation"
import { AdminBackupsQuery } from "./validators"

const Backup = z.object({
  name: z.string().describe("The backup's folder name"),
  created_at: z.string(),
  bytes: z.number().int(),
  orders: z.number().int(),
  tables: z.number().int(),
  seconds: z.number(),
})

const LastAttempt = z
  .object({
    at: z.string(),
    ok: z.boolean(),
    dir: z.string().nullable(),
    bytes: z.number().nullable(),
    seconds: z.number().nullable(),
    orders: z.number().nullable(),
    verified_at: z.string().nullable(),
    verified: z.boolean().nullable(),
    error: z.string().nullable(),
  })
  .nullable()

export const backupOperations: ApiOperation[] = [
  {
    method: "GET",
    path: "/admin/backups",
    audience: "admin",
    tag: "Backups",
    summary: "List the shop's backups",
    description: "Complete backups, newest first, the outcome of the newest attempt and the schedule.",
    query: AdminBackupsQuery,
    answers: {
      200: {
        description: "A page of backups",
        schema: z.object({
          backups: z.array(Backup),
          count: z.number().int(),
          limit: z.number().int(),
          offset: z.number().int(),
          last: LastAttempt,
          schedule: z.object({ interval_hours: z.number(), keep: z.number().int(), wal_archive: z.boolean() }),
        }),
      },
      400: INVALID("limit or offset out of range, or an unknown parameter"),
      401: UNAUTHENTICATED,
    },
    examples: [{ summary: "The second page of ten", query: { limit: "10", offset: "10" } }],
  },
]
