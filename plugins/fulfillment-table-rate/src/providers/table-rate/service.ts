import type {
  CalculatedShippingOptionPrice,
  CalculateShippingOptionPriceDTO,
  CreateFulfillmentResult,
  FulfillmentDTO,
  FulfillmentItemDTO,
  FulfillmentOption,
  FulfillmentOrderDTO,
  Logger,
} from "@medusajs/framework/types"
import { AbstractFulfillmentProviderService, MathBN, MedusaError } from "@medusajs/framework/utils"
import { TABLE_RATE_MODULE } from "../../modules/table-rate"
import type TableRateModuleService from "../../modules/table-rate/service"
import { quoteTableRate, type RateCart } from "../../utils/compute-rate"
import { renderPackingSlip, toSlipAddress, type PackingSlip } from "../../utils/packing-slip"
import { readOptionLink, TABLE_RATE_IDENTIFIER } from "../../utils/option-link"
import { resolveOptions, type TableRateProviderOptions } from "./options"
import { RateTableCache } from "./rate-table-cache"

type Cradle = { logger: Logger } & Record<string, unknown>

/**
 * Table-rate shipping: prices come from the shipping option's rate table (module `tableRate`), looked up by weight
 * and subtotal in the cart's currency. Records fulfillments and returns locally and renders packing slips.
 */
export default class TableRateFulfillmentProviderService extends AbstractFulfillmentProviderService {
  static identifier = TABLE_RATE_IDENTIFIER

  protected readonly cradle_: Cradle
  protected readonly logger_: Logger
  protected readonly options_: Required<TableRateProviderOptions>
  protected readonly cache_: RateTableCache

  static validateOptions(options: Record<string, unknown>): void {
    resolveOptions(options)
  }

  constructor(cradle: Cradle, options: TableRateProviderOptions) {
    super()
    this.cradle_ = cradle
    this.logger_ = cradle.logger
    this.options_ = resolveOptions(options)
    this.cache_ = new RateTableCache((id) => this.rateTables().getRateTable(id), this.options_.cacheTtlSeconds * 1000)
  }

  /**
   * The rate-table module, resolved at first use: providers live in the fulfillment module's container, which
   * reaches `tableRate` only when the fulfillment module lists it in `dependencies` (see the README).
   */
  protected rateTables(): TableRateModuleService {
    let service: TableRateModuleService | undefined
    try {
      service = this.cradle_[TABLE_RATE_MODULE] as TableRateModuleService | undefined
    } catch {
      service = undefined
    }
    if (!service) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `The table-rate provider cannot reach the "${TABLE_RATE_MODULE}" module: add the plugin to "plugins" and ` +
          `dependencies: ["${TABLE_RATE_MODULE}"] to the fulfillment module in medusa-config.ts`
      )
    }
    return service
  }

  async getFulfillmentOptions(): Promise<FulfillmentOption[]> {
    return [
      { id: "table-rate", name: "Table rate (weight and subtotal)" },
      { id: "table-rate-return", name: "Table rate return", is_return: true },
    ]
  }

  async validateOption(): Promise<boolean> {
    return true
  }

  /** Calculated options are this provider's whole point; checks here that the rate tables are reachable. */
  async canCalculate(): Promise<boolean> {
    this.rateTables()
    return true
  }

  async validateFulfillmentData(_optionData: Record<string, unknown>, data: Record<string, unknown>): Promise<any> {
    return { ...(data ?? {}) }
  }

  /**
   * Never throws for a cart the table does not cover: Medusa calls this on every cart refresh, and a throw there
   * would fail the refresh (adding an item, changing the address) instead of dropping the option. A price without
   * `calculated_amount` is Medusa's way of saying "not available": the refresh removes the cart's method, adding
   * the method answers 400, and `POST /store/shipping-options/:id/calculate` returns the reason in
   * `calculated_price.table_rate.unavailable`.
   */
  async calculatePrice(
    optionData: CalculateShippingOptionPriceDTO["optionData"],
    _data: CalculateShippingOptionPriceDTO["data"],
    context: CalculateShippingOptionPriceDTO["context"]
  ): Promise<CalculatedShippingOptionPrice> {
    const unavailable = (code: string, message: string) =>
      ({
        calculated_amount: undefined,
        is_calculated_price_tax_inclusive: this.options_.taxInclusive,
        table_rate: { unavailable: { code, message } },
      }) as unknown as CalculatedShippingOptionPrice

    const link = readOptionLink(optionData)
    if (!link) {
      return unavailable("no_rate_table", "This shipping option has no rate table yet")
    }
    let table
    try {
      table = await this.cache_.get(link.shipping_option_id, link.version)
    } catch (error) {
      this.logger_.error(
        `table-rate: could not load the rate table of ${link.shipping_option_id}: ${(error as Error).message}`
      )
      return unavailable("rates_unavailable", "Shipping rates are unavailable right now")
    }
    if (!table) {
      return unavailable("no_rate_table", "This shipping option has no rate table yet")
    }
    const quote = quoteTableRate(table, context as unknown as RateCart, { missingWeight: this.options_.missingWeight })
    if (!quote.available) {
      return unavailable(quote.code, quote.message)
    }
    return {
      calculated_amount: quote.amount,
      is_calculated_price_tax_inclusive: this.options_.taxInclusive,
      table_rate: { weight: quote.weight, row: quote.row, free: quote.free, version: table.version },
    } as CalculatedShippingOptionPrice
  }

  /** Records the packing slip (a snapshot of the order number, items and address) in the fulfillment's data. */
  async createFulfillment(
    data: Record<string, unknown>,
    items: Partial<Omit<FulfillmentItemDTO, "fulfillment">>[],
    order: Partial<FulfillmentOrderDTO> | undefined,
    fulfillment: Partial<Omit<FulfillmentDTO, "provider_id" | "data" | "items">>
  ): Promise<CreateFulfillmentResult> {
    const orderLike = (order ?? {}) as Record<string, any>
    const slip: PackingSlip = {
      order_id: orderLike.id ?? "",
      order_number: String(orderLike.custom_display_id ?? orderLike.display_id ?? orderLike.id ?? ""),
      shop_name: this.options_.shopName,
      fulfillment_created_at: new Date().toISOString(),
      items: items.map((item) => ({
        title: item.title ?? "",
        sku: item.sku ?? "",
        quantity: MathBN.convert((item.quantity ?? 0) as any).toNumber(),
      })),
      address: toSlipAddress(fulfillment.delivery_address ?? orderLike.shipping_address),
    }
    return { data: { ...(data ?? {}), packing_slip: slip }, labels: [] }
  }

  async cancelFulfillment(): Promise<any> {
    return {}
  }

  /** The packing slip PDF of a fulfillment created by this provider (none for older data without a snapshot). */
  async getFulfillmentDocuments(data: Record<string, unknown>): Promise<any> {
    const slip = data?.packing_slip as PackingSlip | undefined
    if (!slip) {
      return []
    }
    const pdf = await renderPackingSlip(slip)
    return [
      {
        type: "packing_slip",
        mime_type: "application/pdf",
        file_name: `packing-slip-${slip.order_number}.pdf`,
        base64: pdf.toString("base64"),
      },
    ]
  }

  /** Returns are received by the merchant; the provider records what is expected back. */
  async createReturnFulfillment(fulfillment: Record<string, unknown>): Promise<CreateFulfillmentResult> {
    const items = (fulfillment.items as any[] | undefined) ?? []
    return {
      data: {
        return: {
          created_at: new Date().toISOString(),
          items: items.map((item) => ({
            title: item.title ?? "",
            sku: item.sku ?? "",
            quantity: MathBN.convert(item.quantity ?? 0).toNumber(),
          })),
        },
      },
      labels: [],
    }
  }
}
