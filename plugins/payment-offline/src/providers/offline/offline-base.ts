import type {
  AuthorizePaymentInput,
  AuthorizePaymentOutput,
  CancelPaymentInput,
  CancelPaymentOutput,
  CapturePaymentInput,
  CapturePaymentOutput,
  DeletePaymentInput,
  DeletePaymentOutput,
  GetPaymentStatusInput,
  GetPaymentStatusOutput,
  InitiatePaymentInput,
  InitiatePaymentOutput,
  Logger,
  ProviderWebhookPayload,
  RefundPaymentInput,
  RefundPaymentOutput,
  RetrievePaymentInput,
  RetrievePaymentOutput,
  UpdatePaymentInput,
  UpdatePaymentOutput,
  WebhookActionResult,
} from "@medusajs/framework/types"
import { AbstractPaymentProvider, MathBN, PaymentActions, PaymentSessionStatus } from "@medusajs/framework/utils"
import { newPaymentReference } from "../../utils/payment-reference"
import { type OfflinePaymentOptions, type ResolvedOfflinePaymentOptions, resolveOptions } from "../../utils/options"
import type { OfflineMethod } from "../../utils/constants"

/** What an offline payment keeps in its session and payment `data` (visible to the storefront and the admin). */
export interface OfflinePaymentData extends Record<string, unknown> {
  method: OfflineMethod
  reference: string
  settled_at?: string
  canceled_at?: string
  refunds?: { amount: string; at: string }[]
}

/**
 * The keys an offline provider writes when a session starts: what the customer is shown at checkout. Anything
 * else in a session's data did not come from the provider — Medusa merges the `data` a shopper sends into a new
 * session — and is dropped; `settled_at` in particular is written only by a capture (the merchant's "Mark as paid").
 */
export const CHECKOUT_KEYS = ["method", "reference", "bank_account", "auto_cancel_after_days", "fee"] as const

export function checkoutDataOf(data: Record<string, unknown> | undefined): Record<string, unknown> {
  const kept: Record<string, unknown> = {}
  for (const key of CHECKOUT_KEYS) {
    if (data && Object.prototype.hasOwnProperty.call(data, key)) {
      kept[key] = data[key]
    }
  }
  return kept
}

/**
 * Nothing leaves the shop for an offline payment: the session is "authorized" when the order is placed (the
 * customer promised to pay), "captured" when the merchant marks the money as received, and a refund is a
 * record of money the merchant sends back by hand. Subclasses add what the customer is shown at checkout.
 */
export abstract class OfflinePaymentProvider extends AbstractPaymentProvider<OfflinePaymentOptions> {
  protected readonly options_: ResolvedOfflinePaymentOptions
  protected readonly logger_: Logger

  static validateOptions(options: OfflinePaymentOptions): void {
    resolveOptions(options)
  }

  constructor(container: { logger: Logger }, options: OfflinePaymentOptions) {
    super(container, options)
    this.options_ = resolveOptions(options)
    this.logger_ = container.logger
  }

  protected abstract readonly method: OfflineMethod

  /** Extra session data shown at checkout (bank details, fee), or a MedusaError when the method is unavailable. */
  protected abstract checkoutData(input: InitiatePaymentInput): Record<string, unknown>

  async initiatePayment(input: InitiatePaymentInput): Promise<InitiatePaymentOutput> {
    const reference = newPaymentReference(this.options_.referencePrefix)
    const data: OfflinePaymentData = { ...this.checkoutData(input), method: this.method, reference }
    // Medusa stores `{ ...input.data, ...this }`: naming the caller's other keys as undefined keeps none of them.
    const cleared = Object.fromEntries(Object.keys(input.data ?? {}).map((key) => [key, undefined]))
    return { id: reference, data: { ...cleared, ...data }, status: PaymentSessionStatus.PENDING }
  }

  async updatePayment(input: UpdatePaymentInput): Promise<UpdatePaymentOutput> {
    // The cart changed (amount, currency): the reference stays, the amount is the session's own.
    return { data: checkoutDataOf(input.data) }
  }

  async authorizePayment(input: AuthorizePaymentInput): Promise<AuthorizePaymentOutput> {
    return { data: checkoutDataOf(input.data), status: PaymentSessionStatus.AUTHORIZED }
  }

  async capturePayment(input: CapturePaymentInput): Promise<CapturePaymentOutput> {
    return { data: { ...input.data, settled_at: new Date().toISOString() } }
  }

  async refundPayment(input: RefundPaymentInput): Promise<RefundPaymentOutput> {
    const refunds = [...(((input.data as OfflinePaymentData)?.refunds ?? []) as OfflinePaymentData["refunds"] & object)]
    refunds.push({ amount: MathBN.convert(input.amount).toString(), at: new Date().toISOString() })
    return { data: { ...input.data, refunds } }
  }

  async cancelPayment(input: CancelPaymentInput): Promise<CancelPaymentOutput> {
    return { data: { ...input.data, canceled_at: new Date().toISOString() } }
  }

  async deletePayment(input: DeletePaymentInput): Promise<DeletePaymentOutput> {
    return { data: { ...input.data } }
  }

  async getPaymentStatus(input: GetPaymentStatusInput): Promise<GetPaymentStatusOutput> {
    // Whether the money arrived is Medusa's capture (Mark as paid), never a date found in session data.
    const data = (input.data ?? {}) as Partial<OfflinePaymentData>
    return { status: data.canceled_at ? PaymentSessionStatus.CANCELED : PaymentSessionStatus.AUTHORIZED, data }
  }

  async retrievePayment(input: RetrievePaymentInput): Promise<RetrievePaymentOutput> {
    return { ...input.data }
  }

  async getWebhookActionAndData(_payload: ProviderWebhookPayload["payload"]): Promise<WebhookActionResult> {
    // No one calls back for an offline payment: the merchant settles it in the admin.
    return { action: PaymentActions.NOT_SUPPORTED }
  }
}
