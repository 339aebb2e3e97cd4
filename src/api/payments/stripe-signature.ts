import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import Stripe from "stripe"
import { settings } from "../../lib/settings"

/**
 * Refuses a Stripe webhook whose `Stripe-Signature` does not verify, before Medusa's hook route queues it.
 *
 * Medusa's `/hooks/payment/:provider` answers 200 to anything and verifies the signature later, in the event
 * subscriber: a forged or misconfigured delivery then looks accepted to the sender (and to Stripe's dashboard) and
 * is only logged as a failure in the worker. Stripe expects a 4xx for a delivery it should not retry as-is, so the
 * sender (or the merchant reading Stripe's webhook log) sees the problem. The official provider still verifies
 * again when it processes the event. Without STRIPE_WEBHOOK_SECRET (Stripe off) this does nothing.
 */
export function verifyStripeSignature(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction): void {
  const secret = settings().payments.stripeWebhookSecret
  const provider = String(req.params.provider ?? "").toLowerCase()
  if (!secret || !provider.startsWith("stripe")) {
    return next()
  }
  const signature = req.headers["stripe-signature"]
  const raw = (req as MedusaRequest & { rawBody?: Buffer }).rawBody
  if (typeof signature !== "string" || !raw) {
    res
      .status(400)
      .json({ type: "invalid_data", message: "Stripe webhook refused: the Stripe-Signature header is missing" })
    return
  }
  try {
    // The SDK's static helper: verification needs only the secret, no API client.
    Stripe.webhooks.constructEvent(raw, signature, secret)
  } catch {
    res.status(400).json({
      type: "invalid_data",
      message: "Stripe webhook refused: the signature does not match STRIPE_WEBHOOK_SECRET (or is too old)",
    })
    return
  }
  next()
}
