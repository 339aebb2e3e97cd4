import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import BankTransferPaymentProviderService from "./bank-transfer"
import CashOnDeliveryPaymentProviderService from "./cash-on-delivery"

export default ModuleProvider(Modules.PAYMENT, {
  services: [BankTransferPaymentProviderService, CashOnDeliveryPaymentProviderService],
})
