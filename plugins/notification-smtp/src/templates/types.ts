import type { Amount } from "./money"
import type { Locale } from "./i18n"

/** The shop's look: the store module's name, the logo and colour set in the admin (else the options), the links. */
export interface Brand {
  storeName: string
  logoUrl?: string
  brandColor: string
  storefrontUrl: string
}

export interface EmailAddress {
  name?: string | null
  company?: string | null
  address_1?: string | null
  address_2?: string | null
  postal_code?: string | null
  city?: string | null
  province?: string | null
  country_code?: string | null
  phone?: string | null
}

export interface EmailLineItem {
  title: string
  variant?: string | null
  quantity: Amount
  unit_price: Amount
  total: Amount
}

export interface BankTransferDetails {
  account_holder?: string | null
  iban?: string | null
  bic?: string | null
  bank_name?: string | null
  reference?: string | null
}

/** What every order email shows, read from Medusa's order (see utils/order-email-data.ts). */
export interface OrderEmail {
  id: string
  display_id: string
  email: string
  customer_name: string
  currency_code: string
  items: EmailLineItem[]
  subtotal: Amount
  shipping_total: Amount
  discount_total: Amount
  tax_total: Amount
  total: Amount
  shipping_methods: string[]
  shipping_address?: EmailAddress | null
  /** Provider-level method: "bank-transfer", "cash-on-delivery", "stripe", "paypal", "system", or another id. */
  payment_method?: string | null
  bank_transfer?: BankTransferDetails | null
}

export interface ShipmentEmail {
  order: OrderEmail
  items: { title: string; variant?: string | null; quantity: Amount }[]
  carrier?: string | null
  tracking: { number?: string | null; url?: string | null }[]
}

export interface RefundEmail {
  order: OrderEmail
  amount: Amount
  note?: string | null
}

export interface PasswordResetEmail {
  email: string
  token: string
  customer_name?: string
}

export interface WelcomeEmail {
  email: string
  customer_name: string
}

/** Each template and what it renders from. */
export interface TemplateData {
  "order-placed": OrderEmail
  "merchant-new-order": OrderEmail
  "order-canceled": OrderEmail
  "order-shipped": ShipmentEmail
  "refund-issued": RefundEmail
  "password-reset": PasswordResetEmail
  "customer-welcome": WelcomeEmail
}

export interface RenderedEmail {
  subject: string
  html: string
  text: string
}

export interface RenderContext {
  brand: Brand
  locale: Locale
}
