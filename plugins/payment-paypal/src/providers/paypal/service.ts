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
import { AbstractPaymentProvider, MedusaError, PaymentActions, PaymentSessionStatus } from "@medusajs/framework/utils"
import { randomUUID } from "node:crypto"
import { fromPayPalAmount, toPayPalAmount } from "../../utils/amount"
import { type PayPalOptions, type ResolvedPayPalOptions, resolvePayPalOptions } from "../../utils/options"
import { PayPalApiError, PayPalClient } from "./client"
import { orderOutcome, paymentsOf, statusOfOrder } from "./order-outcome"
import { type PayPalCheckoutData, checkoutData, replacingCallerData } from "./session-data"
import type { PayPalOrder, PayPalPaymentData, PayPalWebhookEvent } from "./types"

/** Capture statuses that mean PayPal took the money. */
const CAPTURED = new Set(["COMPLETED", "PARTIALLY_REFUNDED", "REFUNDED"])

/**
 * PayPal Orders v2. Checkout creates a PayPal order, the buyer approves it in PayPal's window, and completing
 * the cart authorizes it (intent "authorize"; the admin captures later) or captures it (intent "capture").
 * Every state-changing call carries a PayPal-Request-Id derived from Medusa's idempotency key, so a retried
 * call never charges twice. On the storefront's path a PayPal failure becomes a payment error (4xx), never a 500.
 *
 * Session data is not evidence: a shopper's `data` is merged into a new session by Medusa. Authorization, capture,
 * refund and void read the PayPal order (GET /v2/checkout/orders/:id) and act on the authorizations and captures
 * PayPal reports; ids found in session data are never trusted.
 */
export default class PayPalPaymentProviderService extends AbstractPaymentProvider<PayPalOptions> {
  static identifier = "paypal"

  protected readonly options_: ResolvedPayPalOptions
  protected readonly client_: PayPalClient
  protected readonly logger_: Logger

  static validateOptions(options: PayPalOptions): void {
    resolvePayPalOptions(options)
  }

  constructor(container: { logger: Logger }, options: PayPalOptions) {
    super(container, options)
    this.options_ = resolvePayPalOptions(options)
    this.client_ = new PayPalClient(this.options_)
    this.logger_ = container.logger
  }

  async initiatePayment(input: InitiatePaymentInput): Promise<InitiatePaymentOutput> {
    const amount = toPayPalAmount(input.amount, input.currency_code)
    const sessionId = input.data?.session_id as string | undefined
    const intent = this.options_.intent === "capture" ? "CAPTURE" : "AUTHORIZE"
    const order = await this.storefrontCall("create the PayPal order", () =>
      this.client_.createOrder(
        {
          intent,
          purchase_units: [{ reference_id: "default", custom_id: sessionId, amount }],
          ...(this.options_.brandName
            ? { payment_source: { paypal: { experience_context: { brand_name: this.options_.brandName } } } }
            : {}),
        },
        `create-${input.context?.idempotency_key ?? sessionId ?? randomUUID()}`
      )
    )
    const data: PayPalCheckoutData = {
      paypal_order_id: order.id,
      intent,
      currency_code: amount.currency_code,
      amount: amount.value,
      session_id: sessionId,
      approve_url: order.links?.find((link) => link.rel === "approve" || link.rel === "payer-action")?.href,
    }
    // Medusa stores `{ ...input.data, ...this }`: the caller's other keys are named here so none of them is kept.
    const stored = replacingCallerData(input.data, { ...data, status: order.status })
    return { id: order.id, data: stored, status: PaymentSessionStatus.PENDING }
  }

  async updatePayment(input: UpdatePaymentInput): Promise<UpdatePaymentOutput> {
    const data = checkoutData(input.data)
    const amount = toPayPalAmount(input.amount, input.currency_code)
    if (amount.value === data.amount && amount.currency_code === data.currency_code) {
      return { data }
    }
    if (amount.currency_code !== data.currency_code) {
      // A PayPal order's currency is fixed: start a new order for the new currency.
      return this.initiatePayment({ ...input, data: { session_id: data.session_id } })
    }
    await this.storefrontCall("update the PayPal order", () =>
      this.client_.updateOrderAmount(data.paypal_order_id, amount)
    )
    return { data: { ...data, amount: amount.value } }
  }

  async authorizePayment(input: AuthorizePaymentInput): Promise<AuthorizePaymentOutput> {
    // What PayPal authorized or captured comes from PayPal's answer below, never from the session.
    const data = checkoutData(input.data)
    if (!data.paypal_order_id) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "This payment session has no PayPal order: start the PayPal payment again"
      )
    }
    try {
      let order = await this.orderOfSession(data)
      if (order.status === "APPROVED") {
        const requestId = `${order.intent === "CAPTURE" ? "capture" : "authorize"}-${input.context?.idempotency_key ?? data.session_id}`
        order =
          order.intent === "CAPTURE"
            ? await this.client_.captureOrder(order.id, requestId)
            : await this.client_.authorizeOrder(order.id, requestId)
      }
      return this.toSessionResult(data, order)
    } catch (error) {
      // Medusa answers the storefront with a 4xx either way. PayPal down or slow: the outcome is unknown, so the
      // session stays pending and the customer's retry sends the same PayPal-Request-Id (PayPal replays its first
      // answer: nothing is authorized or charged twice). Declined: the session is in error; pay another way.
      const message = error instanceof PayPalApiError ? error.message : String(error)
      this.logger_.warn(`PayPal authorization of order ${data.paypal_order_id} failed: ${message}`)
      const unknownOutcome =
        !(error instanceof MedusaError) && (!(error instanceof PayPalApiError) || error.unavailable)
      return {
        status: unknownOutcome ? PaymentSessionStatus.PENDING : PaymentSessionStatus.ERROR,
        data: { ...data, last_error: message },
      }
    }
  }

  /**
   * The admin captures: the PayPal order says what is there. An authorization PayPal holds is captured at PayPal
   * (in full: Medusa passes no amount); captures PayPal already reports (intent "capture", or a capture whose
   * answer was lost) are recorded as they are. Anything else is refused: the order is not paid.
   */
  async capturePayment(input: CapturePaymentInput): Promise<CapturePaymentOutput> {
    const data = input.data as PayPalPaymentData
    const order = await this.adminCall("read", () => this.orderOfSession(data))
    const { authorizations, captures } = paymentsOf(order)
    const authorization = authorizations.find((a) => a.status === "CREATED")
    if (!authorization) {
      if (captures.some((c) => CAPTURED.has(c.status))) {
        return { data: this.withPayPalPayments(data, order) }
      }
      const held = authorizations[0]
      if (held?.status === "EXPIRED") {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          "PayPal capture refused: the authorization has expired; ask the customer to pay again"
        )
      }
      const state = held ? `its authorization is ${held.status}` : `it is ${order.status} with no authorization`
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `PayPal order ${order.id} has nothing to capture: ${state} at PayPal`
      )
    }
    const capture = await this.adminCall("capture", () =>
      this.client_.captureAuthorization(
        authorization.id,
        {
          amount: authorization.amount ?? { currency_code: data.currency_code, value: data.amount },
          final_capture: true,
        },
        `capture-${input.context?.idempotency_key ?? authorization.id}`
      )
    )
    if (capture.status === "DECLINED" || capture.status === "FAILED") {
      throw new MedusaError(
        MedusaError.Types.PAYMENT_AUTHORIZATION_ERROR,
        `PayPal declined the capture of ${authorization.id}`
      )
    }
    const known = captures.map((c) => c.id).filter((id) => id !== capture.id)
    return {
      data: { ...this.withPayPalPayments(data, order), status: "COMPLETED", capture_ids: [...known, capture.id] },
    }
  }

  /** Refunds against the capture PayPal reports as refundable (completed or partly refunded). */
  async refundPayment(input: RefundPaymentInput): Promise<RefundPaymentOutput> {
    const data = input.data as PayPalPaymentData
    const order = await this.adminCall("read", () => this.orderOfSession(data))
    const capture = paymentsOf(order).captures.find(
      (c) => c.status === "COMPLETED" || c.status === "PARTIALLY_REFUNDED"
    )
    if (!capture) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `PayPal order ${order.id} has no capture at PayPal to refund`
      )
    }
    const amount = toPayPalAmount(input.amount, capture.amount?.currency_code ?? data.currency_code)
    const refund = await this.adminCall("refund", () =>
      this.client_.refundCapture(capture.id, amount, `refund-${input.context?.idempotency_key ?? randomUUID()}`)
    )
    return { data: { ...this.withPayPalPayments(data, order), refund_ids: [...(data.refund_ids ?? []), refund.id] } }
  }

  /** Voids the authorization PayPal still holds; one that was captured, voided or never made needs nothing. */
  async cancelPayment(input: CancelPaymentInput): Promise<CancelPaymentOutput> {
    const data = input.data as PayPalPaymentData
    if (!data?.paypal_order_id) {
      return { data }
    }
    const order = await this.adminCall("read", () => this.orderOfSession(data))
    const authorization = paymentsOf(order).authorizations.find((a) => a.status === "CREATED")
    if (!authorization) {
      return { data: this.withPayPalPayments(data, order) }
    }
    await this.adminCall("void", () =>
      this.client_.voidAuthorization(authorization.id, `void-${input.context?.idempotency_key ?? authorization.id}`)
    )
    return { data: { ...this.withPayPalPayments(data, order), status: "VOIDED" } }
  }

  /**
   * Medusa drops a session (the customer chose again, or another method). An unapproved PayPal order just
   * expires; one authorized without Medusa knowing (an answer lost to a timeout) is voided so the buyer's money
   * is not held. Best effort: a failure is logged, never shown to the customer.
   */
  async deletePayment(input: DeletePaymentInput): Promise<DeletePaymentOutput> {
    const data = input.data as PayPalPaymentData
    if (!data?.paypal_order_id) {
      return { data: input.data }
    }
    try {
      const order = await this.client_.getOrder(data.paypal_order_id)
      const authorization = orderOutcome(order).authorization
      if (authorization?.status === "CREATED") {
        await this.client_.voidAuthorization(authorization.id, `void-${authorization.id}`)
        this.logger_.info(`PayPal: voided authorization ${authorization.id} of abandoned order ${order.id}`)
      }
    } catch (error) {
      this.logger_.warn(`PayPal: could not clean up order ${data.paypal_order_id}: ${(error as Error).message}`)
    }
    return { data: input.data }
  }

  async getPaymentStatus(input: GetPaymentStatusInput): Promise<GetPaymentStatusOutput> {
    const data = input.data as PayPalPaymentData
    const order = await this.storefrontCall("read the PayPal order", () => this.client_.getOrder(data.paypal_order_id))
    return { status: statusOfOrder(order), data: { ...data, status: order.status } }
  }

  async retrievePayment(input: RetrievePaymentInput): Promise<RetrievePaymentOutput> {
    const data = input.data as PayPalPaymentData
    const order = await this.adminCall("read", () => this.client_.getOrder(data.paypal_order_id))
    return { data: { ...data, status: order.status, paypal_order: order } }
  }

  async getWebhookActionAndData(payload: ProviderWebhookPayload["payload"]): Promise<WebhookActionResult> {
    const event = this.parseEvent(payload)
    if (!this.options_.webhookId) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "PayPal webhook rejected: no webhookId is configured to verify it"
      )
    }
    const genuine = await this.client_.verifyWebhookSignature(
      (payload.headers ?? {}) as Record<string, string | string[] | undefined>,
      event,
      this.options_.webhookId
    )
    if (!genuine) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `PayPal webhook ${event.id} rejected: its signature did not verify`
      )
    }
    const resource = event.resource ?? {}
    const sessionId: string | undefined = resource.custom_id ?? resource.purchase_units?.[0]?.custom_id
    const amount = fromPayPalAmount(resource.amount?.value ?? resource.purchase_units?.[0]?.amount?.value)
    if (!sessionId) {
      return { action: PaymentActions.NOT_SUPPORTED }
    }
    switch (event.event_type) {
      case "CHECKOUT.ORDER.APPROVED":
      case "PAYMENT.AUTHORIZATION.CREATED":
        return { action: PaymentActions.AUTHORIZED, data: { session_id: sessionId, amount } }
      case "PAYMENT.CAPTURE.COMPLETED":
        return { action: PaymentActions.SUCCESSFUL, data: { session_id: sessionId, amount } }
      case "PAYMENT.CAPTURE.DENIED":
      case "PAYMENT.AUTHORIZATION.VOIDED":
        return { action: PaymentActions.FAILED, data: { session_id: sessionId, amount } }
      default:
        return { action: PaymentActions.NOT_SUPPORTED }
    }
  }

  private parseEvent(payload: ProviderWebhookPayload["payload"]): PayPalWebhookEvent {
    // Verify what PayPal sent byte for byte when Medusa kept the raw body; the parsed body otherwise.
    const raw = payload.rawData
    const event = raw ? JSON.parse(Buffer.isBuffer(raw) ? raw.toString("utf8") : String(raw)) : payload.data
    if (!event?.id || !event?.event_type) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "PayPal webhook rejected: the body is not a PayPal event")
    }
    return event as PayPalWebhookEvent
  }

  private toSessionResult(data: PayPalCheckoutData, order: PayPalOrder): AuthorizePaymentOutput {
    const outcome = orderOutcome(order)
    return { status: outcome.status, data: { ...this.withPayPalPayments(data, order), last_error: outcome.problem } }
  }

  /** The session's data with the order's status, authorization and capture ids as PayPal reports them. */
  private withPayPalPayments(data: PayPalCheckoutData, order: PayPalOrder): PayPalPaymentData {
    const { authorizations, captures } = paymentsOf(order)
    return {
      ...checkoutData(data),
      status: order.status,
      authorization_id: authorizations[0]?.id,
      authorization_expires_at: authorizations[0]?.expiration_time,
      capture_ids: captures.length ? captures.map((capture) => capture.id) : undefined,
    }
  }

  /** The PayPal order of this session, read from PayPal; one made for another session is refused. */
  private async orderOfSession(data: PayPalCheckoutData): Promise<PayPalOrder> {
    if (!data?.paypal_order_id) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This payment has no PayPal order")
    }
    const order = await this.client_.getOrder(data.paypal_order_id)
    const customId = order.purchase_units?.[0]?.custom_id
    if (data.session_id && customId && customId !== data.session_id) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `PayPal order ${order.id} belongs to another payment session`
      )
    }
    return order
  }

  /** Storefront path: a PayPal failure is the customer's payment failing (422), never a 500. */
  private async storefrontCall<T>(what: string, call: () => Promise<T>): Promise<T> {
    try {
      return await call()
    } catch (error) {
      const message = error instanceof PayPalApiError ? error.message : String(error)
      this.logger_.warn(`PayPal: could not ${what}: ${message}`)
      throw new MedusaError(
        MedusaError.Types.PAYMENT_AUTHORIZATION_ERROR,
        `PayPal payment failed: could not ${what}. Try again or choose another payment method.`
      )
    }
  }

  /** Admin path: PayPal refusing (e.g. an expired authorization) is a 4xx that says why; an outage is reported. */
  private async adminCall<T>(what: string, call: () => Promise<T>): Promise<T> {
    try {
      return await call()
    } catch (error) {
      if (!(error instanceof PayPalApiError)) {
        throw error
      }
      if (error.has("AUTHORIZATION_EXPIRED")) {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `PayPal ${what} refused: the authorization has expired; ask the customer to pay again`
        )
      }
      if (error.unavailable) {
        throw new MedusaError(
          MedusaError.Types.UNEXPECTED_STATE,
          `PayPal ${what} failed: PayPal is unavailable (${error.message}); try again later`
        )
      }
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `PayPal ${what} refused: ${error.message}`)
    }
  }
}
