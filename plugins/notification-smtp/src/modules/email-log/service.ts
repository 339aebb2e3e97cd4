import { MedusaService } from "@medusajs/framework/utils"
import { EmailMessage } from "./models/email-message"

/** The email log and local mailbox: `createEmailMessages`, `listAndCountEmailMessages`, `updateEmailMessages`, … */
export default class EmailLogModuleService extends MedusaService({ EmailMessage }) {}
