import { MedusaService } from "@medusajs/framework/utils"
import { AcmeEntry } from "./models/acme-entry"

/**
 * The module's service. MedusaService generates create/list/retrieve/update/delete methods for each model
 * (`createAcmeEntries`, `listAcmeEntries`, …); add business methods here.
 */
export class AcmeModuleService extends MedusaService({ AcmeEntry }) {}
