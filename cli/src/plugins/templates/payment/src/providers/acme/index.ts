import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import { AcmePaymentProviderService } from "./service"

export default ModuleProvider(Modules.PAYMENT, { services: [AcmePaymentProviderService] })
