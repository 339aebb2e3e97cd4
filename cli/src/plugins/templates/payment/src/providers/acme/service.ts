import crypto from "node:crypto"
import { AbstractPaymentProvider, PaymentActions, PaymentSessionStatus } from "@medusajs/framework/utils"
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
  ProviderWebhookPayload,
  RefundPaymentInput,
  RefundPaymentOutput,
  RetrievePaymentInput,
  RetrievePaymentOutput,
  UpdatePaymentInput,
  UpdatePaymentOutput,
  WebhookActionResult,
} from "@medusajs/framework/types"
import { resolveOptions, validateOptions, type AcmeOptions } from "./options"

/**
 * A payment provider that authorizes every payment at once: checkout works end to end without a payment service.
 * The payment's state lives in its `data` (timestamps of authorize, capture, cancel), which Medusa stores with the
 * payment session. To connect a real payment service, put its API in a `client.ts` and call it from here.
 */
export class AcmePaymentProviderService extends AbstractPaymentProvider<AcmeOptions> {
  static identifier = "acme"

  protected readonly settings: Required<AcmeOptions>

  /** Medusa calls this at boot with the provider's `options` from medusa-config.ts (undefined when it has none). */
  static validateOptions(options: Record<string, unknown> | undefined): void {
    validateOptions(options ?? {})
  }

  constructor(container: Record<string, unknown>, options: AcmeOptions = {}) {
    super(container, options)
    this.settings = resolveOptions(options)
  }

  async initiatePayment(input: InitiatePaymentInput): Promise<InitiatePaymentOutput> {
    return {
      id: `acme_${crypto.randomUUID()}`,
      data: { amount: input.amount, currency_code: input.currency_code },
      status: PaymentSessionStatus.PENDING,
    }
  }

  async updatePayment(input: UpdatePaymentInput): Promise<UpdatePaymentOutput> {
    return { data: { ...input.data, amount: input.amount, currency_code: input.currency_code } }
  }

  async authorizePayment(input: AuthorizePaymentInput): Promise<AuthorizePaymentOutput> {
    const now = new Date().toISOString()
    if (this.settings.autoCapture) {
      return { data: { ...input.data, authorized_at: now, captured_at: now }, status: PaymentSessionStatus.CAPTURED }
    }
    return { data: { ...input.data, authorized_at: now }, status: PaymentSessionStatus.AUTHORIZED }
  }

  async capturePayment(input: CapturePaymentInput): Promise<CapturePaymentOutput> {
    return { data: { ...input.data, captured_at: new Date().toISOString() } }
  }

  async refundPayment(input: RefundPaymentInput): Promise<RefundPaymentOutput> {
    const refunds = Array.isArray(input.data?.refunds) ? input.data.refunds : []
    return { data: { ...input.data, refunds: [...refunds, { amount: input.amount, at: new Date().toISOString() }] } }
  }

  async cancelPayment(input: CancelPaymentInput): Promise<CancelPaymentOutput> {
    return { data: { ...input.data, canceled_at: new Date().toISOString() } }
  }

  async deletePayment(input: DeletePaymentInput): Promise<DeletePaymentOutput> {
    return { data: input.data }
  }

  async retrievePayment(input: RetrievePaymentInput): Promise<RetrievePaymentOutput> {
    return { data: input.data }
  }

  async getPaymentStatus(input: GetPaymentStatusInput): Promise<GetPaymentStatusOutput> {
    const data = input.data ?? {}
    if (data.canceled_at) {
      return { status: PaymentSessionStatus.CANCELED, data }
    }
    if (data.captured_at) {
      return { status: PaymentSessionStatus.CAPTURED, data }
    }
    return { status: data.authorized_at ? PaymentSessionStatus.AUTHORIZED : PaymentSessionStatus.PENDING, data }
  }

  /** Nothing calls back: every state change happens in the request that asks for it. */
  async getWebhookActionAndData(_payload: ProviderWebhookPayload["payload"]): Promise<WebhookActionResult> {
    return { action: PaymentActions.NOT_SUPPORTED }
  }
}
