import type { InitiatePaymentInput } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { BANK_TRANSFER } from "../../utils/constants"
import { formatIban } from "../../utils/iban"
import { OfflinePaymentProvider } from "./offline-base"

/** Bank transfer: the customer gets the merchant's account and a unique RF reference to quote. */
export default class BankTransferPaymentProviderService extends OfflinePaymentProvider {
  static identifier = BANK_TRANSFER
  protected readonly method = BANK_TRANSFER

  protected checkoutData(_input: InitiatePaymentInput): Record<string, unknown> {
    const account = this.options_.bankAccount
    if (!account) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "Bank transfer is not available: the shop has no bank account configured (OFFLINE_BANK_IBAN)."
      )
    }
    return {
      bank_account: {
        account_holder: account.accountHolder,
        iban: formatIban(account.iban),
        bic: account.bic ?? null,
        bank_name: account.bankName ?? null,
      },
      auto_cancel_after_days: this.options_.autoCancelAfterDays || null,
    }
  }
}
