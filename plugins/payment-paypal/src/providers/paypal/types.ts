/** The parts of PayPal's Orders v2 and Payments v2 objects this provider reads (PayPal's field names). */
export interface PayPalMoney {
  currency_code: string
  value: string
}

export interface PayPalLink {
  href: string
  rel: string
  method?: string
}

export interface PayPalAuthorization {
  id: string
  status: "CREATED" | "CAPTURED" | "DENIED" | "PARTIALLY_CAPTURED" | "VOIDED" | "PENDING" | "EXPIRED"
  amount?: PayPalMoney
  expiration_time?: string
}

export interface PayPalCapture {
  id: string
  status: "COMPLETED" | "DECLINED" | "PARTIALLY_REFUNDED" | "PENDING" | "REFUNDED" | "FAILED"
  amount?: PayPalMoney
  final_capture?: boolean
  custom_id?: string
}

export interface PayPalRefund {
  id: string
  status: "CANCELLED" | "FAILED" | "PENDING" | "COMPLETED"
  amount?: PayPalMoney
}

export interface PayPalOrder {
  id: string
  intent: "CAPTURE" | "AUTHORIZE"
  status: "CREATED" | "SAVED" | "APPROVED" | "VOIDED" | "COMPLETED" | "PAYER_ACTION_REQUIRED"
  links?: PayPalLink[]
  purchase_units?: {
    reference_id?: string
    custom_id?: string
    amount?: PayPalMoney
    payments?: { authorizations?: PayPalAuthorization[]; captures?: PayPalCapture[]; refunds?: PayPalRefund[] }
  }[]
}

export interface PayPalWebhookEvent {
  id: string
  event_type: string
  resource_type?: string
  resource: Record<string, any>
}

/** What the provider keeps in Medusa's payment session and payment `data`. */
export interface PayPalPaymentData extends Record<string, unknown> {
  paypal_order_id: string
  intent: "CAPTURE" | "AUTHORIZE"
  status: string
  currency_code: string
  amount: string
  session_id?: string
  approve_url?: string
  authorization_id?: string
  authorization_expires_at?: string
  capture_ids?: string[]
  refund_ids?: string[]
  last_error?: string
}
