import { z } from "@medusajs/framework/zod"

/**
 * The plugin's routes, described by the schemas that validate them (src/api/middlewares.ts binds them). Tienda's
 * API reference (/docs) lists these; the shape is Tienda's `ApiOperation`, declared here without importing it.
 */

/**
 * Only the envelope is checked by the schema; the rows themselves are checked by `validateRateTable`, which reports
 * every problem with the editor's 1-based row numbers.
 */
export const RateTableBody = z
  .object({
    rows: z
      .array(z.record(z.string(), z.unknown()))
      .describe(
        "Rows `{ currency_code, min_weight, max_weight, min_subtotal, max_subtotal, price }`: grams and minor units; a null maximum is open"
      ),
    handling_fee: z
      .record(z.string(), z.unknown())
      .nullish()
      .describe("Per unit shipped, per currency, minor units: `{ eur: 50 }`"),
    free_over: z
      .record(z.string(), z.unknown())
      .nullish()
      .describe("A subtotal from which shipping is free, per currency, minor units"),
  })
  .strict()

export const QuotesQuery = z.object({ cart_id: z.string().min(1).describe("The cart to quote") }).strict()
export type QuotesQuery = z.infer<typeof QuotesQuery>

const OptionParams = z.object({ shipping_option_id: z.string().describe("A table-rate shipping option (so_…)") })
const error = (description: string) => ({ description })
const unauthenticated = error("No admin session, bearer token or secret API key")

const RateRow = z.object({
  currency_code: z.string(),
  min_weight: z.number(),
  max_weight: z.number().nullable(),
  min_subtotal: z.number(),
  max_subtotal: z.number().nullable(),
  price: z.number(),
})
const RateTable = z
  .object({
    rows: z.array(RateRow),
    handling_fee: z.record(z.string(), z.number()).nullish(),
    free_over: z.record(z.string(), z.number()).nullish(),
  })
  .loose()
const TableRateOption = z.object({
  id: z.string(),
  name: z.string(),
  provider_id: z.string(),
  price_type: z.string(),
  service_zone: z.string().nullable(),
  location: z.string().nullable(),
  is_return: z.boolean(),
  rate_table: RateTable.nullable(),
})

const exampleTable = {
  rows: [
    { currency_code: "eur", min_weight: 0, max_weight: 2000, min_subtotal: 0, max_subtotal: null, price: 495 },
    { currency_code: "eur", min_weight: 2000, max_weight: null, min_subtotal: 0, max_subtotal: null, price: 995 },
  ],
  handling_fee: { eur: 50 },
  free_over: { eur: 10000 },
}

export const operations = [
  {
    method: "GET",
    path: "/admin/table-rates",
    audience: "admin" as const,
    tag: "Shipping",
    summary: "Table-rate shipping options with their rate tables",
    answers: {
      200: {
        description: "Every table-rate option and the store's currencies",
        schema: z.object({ shipping_options: z.array(TableRateOption), currencies: z.array(z.string()) }),
      },
      401: unauthenticated,
    },
    examples: [{ summary: "Every option" }],
  },
  {
    method: "GET",
    path: "/admin/table-rates/:shipping_option_id",
    audience: "admin" as const,
    tag: "Shipping",
    summary: "One table-rate option with its rate table",
    params: OptionParams,
    answers: {
      200: {
        description: "The option",
        schema: z.object({ shipping_option: TableRateOption, currencies: z.array(z.string()) }),
      },
      401: unauthenticated,
      404: error("No table-rate shipping option with that id"),
    },
    examples: [{ summary: "An unknown option", params: { shipping_option_id: "so_01JZZZZZZZZZZZZZZZZZZZZZZZ" } }],
  },
  {
    method: "POST",
    path: "/admin/table-rates/:shipping_option_id",
    audience: "admin" as const,
    tag: "Shipping",
    summary: "Create or replace an option's rate table",
    description:
      "A bad table is answered 400 with `errors: [{ row, field, message }]`, every problem at once, rows numbered from 1.",
    params: OptionParams,
    body: RateTableBody,
    answers: {
      200: { description: "The stored table", schema: z.object({ rate_table: RateTable }) },
      400: error("The table's problems, each with its row and field"),
      401: unauthenticated,
      404: error("No table-rate shipping option with that id"),
    },
    examples: [
      {
        summary: "Two weight bands in euros",
        params: { shipping_option_id: "so_01JZZZZZZZZZZZZZZZZZZZZZZZ" },
        body: exampleTable,
      },
    ],
  },
  {
    method: "GET",
    path: "/admin/table-rates/packing-slips/:fulfillment_id",
    audience: "admin" as const,
    tag: "Shipping",
    summary: "The packing slip PDF of a table-rate fulfillment",
    params: z.object({ fulfillment_id: z.string().describe("A fulfillment (ful_…)") }),
    answers: {
      200: { description: "The packing slip", contentType: "application/pdf" },
      400: error("The fulfillment was not created by the table-rate provider"),
      401: unauthenticated,
      404: error("No fulfillment with that id"),
    },
    examples: [{ summary: "An unknown fulfillment", params: { fulfillment_id: "ful_01JZZZZZZZZZZZZZZZZZZZZZZZ" } }],
  },
  {
    method: "GET",
    path: "/store/table-rates/quotes",
    audience: "store" as const,
    tag: "Shipping",
    summary: "A cart's table-rate shipping quotes",
    description:
      "Each table-rate option of the cart with its price, or with the reason it is not offered (`{ code, message }`, e.g. too heavy).",
    query: QuotesQuery,
    answers: {
      200: {
        description: "The quotes",
        schema: z.object({
          quotes: z.array(
            z.object({
              shipping_option_id: z.string(),
              name: z.string(),
              available: z.boolean(),
              amount: z.number().nullable(),
              is_tax_inclusive: z.boolean(),
              unavailable: z.object({ code: z.string(), message: z.string() }).nullable(),
            })
          ),
        }),
      },
      400: error("Missing or unknown publishable key, or cart_id missing"),
      404: error("No cart with that id"),
    },
    examples: [{ summary: "An unknown cart", query: { cart_id: "cart_01JZZZZZZZZZZZZZZZZZZZZZZZ" } }],
  },
]
