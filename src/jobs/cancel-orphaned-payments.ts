import type { MedusaContainer } from "@medusajs/framework/types"
import { cancelOrphanedPayments } from "../lib/checkout/orphaned-payments"

/** Every minute: payments authorized for carts that never got their order are cancelled (lib/checkout/). */
export default async function cancelOrphanedPaymentsJob(container: MedusaContainer) {
  await cancelOrphanedPayments(container)
}

export const config = {
  name: "tienda-cancel-orphaned-payments",
  schedule: "* * * * *",
}
