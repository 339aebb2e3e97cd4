import crypto from "node:crypto"
import { AbstractFulfillmentProviderService, MedusaError } from "@medusajs/framework/utils"
import type {
  CalculatedShippingOptionPrice,
  CalculateShippingOptionPriceDTO,
  CreateFulfillmentResult,
  FulfillmentOption,
} from "@medusajs/framework/types"
import { resolveOptions, validateOptions, type AcmeOptions } from "./options"
import { shippingPrice } from "./utils/shipping-price"

/** The shipping options this provider offers; a shipping option created in the admin picks one of them. */
export const FULFILLMENT_OPTIONS: FulfillmentOption[] = [
  { id: "acme-flat-rate", name: "Flat rate" },
  { id: "acme-flat-rate-return", name: "Flat rate return", is_return: true },
]

/**
 * Flat-rate shipping: one price per shipment, free above a threshold. Fulfillments are recorded with a tracking
 * number of their own; to ship through a carrier, put its API in a `client.ts` and call it in `createFulfillment`.
 */
export class AcmeFulfillmentProviderService extends AbstractFulfillmentProviderService {
  static identifier = "acme"

  protected readonly settings: Required<AcmeOptions>

  /** Medusa calls this at boot with the provider's `options` from medusa-config.ts (undefined when it has none). */
  static validateOptions(options: Record<string, unknown> | undefined): void {
    validateOptions(options ?? {})
  }

  constructor(_container: Record<string, unknown>, options: AcmeOptions = {}) {
    super()
    this.settings = resolveOptions(options)
  }

  async getFulfillmentOptions(): Promise<FulfillmentOption[]> {
    return FULFILLMENT_OPTIONS
  }

  async validateOption(data: Record<string, unknown>): Promise<boolean> {
    return FULFILLMENT_OPTIONS.some((option) => option.id === data.id)
  }

  async validateFulfillmentData(
    optionData: Record<string, unknown>,
    data: Record<string, unknown>
  ): Promise<Record<string, unknown>> {
    if (!(await this.validateOption(optionData))) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Unknown acme shipping option "${String(optionData.id)}"; it offers ${FULFILLMENT_OPTIONS.map((o) => o.id).join(", ")}`
      )
    }
    return data
  }

  async canCalculate(): Promise<boolean> {
    return true
  }

  /** Runs on every cart refresh: pure arithmetic, no I/O. */
  async calculatePrice(
    _optionData: CalculateShippingOptionPriceDTO["optionData"],
    _data: CalculateShippingOptionPriceDTO["data"],
    context: CalculateShippingOptionPriceDTO["context"]
  ): Promise<CalculatedShippingOptionPrice> {
    const subtotal = Number(context.items?.reduce((sum, item) => sum + Number(item.subtotal ?? 0), 0) ?? 0)
    return {
      calculated_amount: shippingPrice(subtotal, this.settings.flatRate, this.settings.freeAbove),
      is_calculated_price_tax_inclusive: false,
    }
  }

  async createFulfillment(): Promise<CreateFulfillmentResult> {
    return { data: { tracking_number: `ACME-${crypto.randomUUID().slice(0, 8).toUpperCase()}` }, labels: [] }
  }

  async cancelFulfillment(): Promise<Record<string, unknown>> {
    return {}
  }

  async createReturnFulfillment(): Promise<CreateFulfillmentResult> {
    return { data: { tracking_number: `ACME-R-${crypto.randomUUID().slice(0, 8).toUpperCase()}` }, labels: [] }
  }
}
