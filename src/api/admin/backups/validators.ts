import { z } from "@medusajs/framework/zod"

/** GET /admin/backups: a page of the list; Medusa's query validator refuses any other parameter, naming it. */
export const AdminBackupsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).default(0),
})

export type AdminBackupsQuery = z.infer<typeof AdminBackupsQuery>
