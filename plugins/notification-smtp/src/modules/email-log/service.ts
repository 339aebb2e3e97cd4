import type { Context } from "@medusajs/framework/types"
import { InjectManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import { EmailMessage } from "./models/email-message"

/** The email log and local mailbox: `createEmailMessages`, `listAndCountEmailMessages`, `updateEmailMessages`, … */
export default class EmailLogModuleService extends MedusaService({ EmailMessage }) {
  /**
   * Takes a `retrying` email whose attempt is due for one sender: its next attempt moves `leaseSeconds` ahead in the
   * same statement that checks it is still due, so of two retry runs (two workers, or a run overlapping the next) only
   * one gets it. A sender that dies mid-attempt leaves the row `retrying`, due again once the lease ends.
   */
  @InjectManager()
  async claimDueEmail(
    id: string,
    now: Date,
    leaseSeconds: number,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<boolean> {
    const knex = (sharedContext.manager as SqlEntityManager).getKnex()
    const claimed = await knex("email_message")
      .update({ next_attempt_at: new Date(now.getTime() + leaseSeconds * 1000) })
      .where({ id, status: "retrying", deleted_at: null })
      .andWhere("next_attempt_at", "<=", now)
      .returning("id")
    return claimed.length === 1
  }
}
