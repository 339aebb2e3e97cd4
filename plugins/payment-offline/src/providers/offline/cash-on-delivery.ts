import type { InitiatePaymentInput } from "@medusajs/framework/types"
import { CASH_ON_DELIVERY } from "../../utils/constants"
import { OfflinePaymentProvider } from "./offline-base"

/** Cash on delivery: the courier collects the order total (which includes the optional fee). */
export default class CashOnDeliveryPaymentProviderService extends OfflinePaymentProvider {
  static identifier = CASH_ON_DELIVERY
  protected readonly method = CASH_ON_DELIVERY

  protected checkoutData(input: InitiatePaymentInput): Record<string, unknown> {
    const currency = String(input.currency_code ?? "").toLowerCase()
    const fee = this.options_.cashOnDeliveryFee[currency]
    return { fee: fee ? { amount: fee, currency_code: currency } : null }
  }
}
