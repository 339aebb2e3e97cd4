import type { Brand, OrderEmail } from "../types"

export const brand: Brand = { storeName: "Tienda", brandColor: "#1f2937", storefrontUrl: "https://shop.example.com" }

export function order(overrides: Partial<OrderEmail> = {}): OrderEmail {
  return {
    id: "order_1",
    display_id: "1042",
    email: "ana@example.com",
    customer_name: "Ana García",
    currency_code: "eur",
    items: [
      { title: "Linen Shirt", variant: "M / White", quantity: 2, unit_price: 39.9, total: 79.8 },
      { title: "Mug", variant: null, quantity: 1, unit_price: "1234.5", total: "1234.5" },
    ],
    subtotal: "1314.3",
    shipping_total: 4.95,
    discount_total: 0,
    tax_total: "228.1",
    total: "1319.25",
    shipping_methods: ["Standard"],
    shipping_address: {
      name: "Ana García",
      address_1: "Calle Mayor 1",
      postal_code: "28013",
      city: "Madrid",
      country_code: "es",
    },
    payment_method: "cash-on-delivery",
    ...overrides,
  }
}
