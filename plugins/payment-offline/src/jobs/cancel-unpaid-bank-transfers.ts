import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { cancelOrderWorkflow } from "@medusajs/medusa/core-flows"
import { pluginOptions } from "../utils/plugin-options"
import { unpaidBankTransferOrders } from "../utils/unpaid-bank-transfer-orders"

/**
 * Cancels bank-transfer orders still unpaid `autoCancelAfterDays` after they were placed. Medusa's own cancel
 * workflow cancels the payment and releases the reserved stock. One failing order does not stop the others.
 */
export default async function cancelUnpaidBankTransfersJob(container: MedusaContainer) {
  await cancelUnpaidBankTransfers(container, new Date())
}

/** The job's work at a given moment (tests pass a moment in the future instead of waiting days). */
export async function cancelUnpaidBankTransfers(container: MedusaContainer, now: Date) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const days = pluginOptions(container).autoCancelAfterDays
  if (!days) {
    return { canceled: [] as string[], failed: [] as string[] }
  }
  const canceled: string[] = []
  const failed: string[] = []
  for (const orderId of await unpaidBankTransferOrders(container, days, now)) {
    try {
      await cancelOrderWorkflow(container).run({ input: { order_id: orderId } })
      canceled.push(orderId)
    } catch (error) {
      failed.push(orderId)
      logger.warn(`payment-offline: could not cancel unpaid order ${orderId}: ${(error as Error).message}`)
    }
  }
  if (canceled.length || failed.length) {
    logger.info(
      `payment-offline: canceled ${canceled.length} order(s) unpaid after ${days} days, ${failed.length} failed`
    )
  }
  return { canceled, failed }
}

export const config = {
  name: "payment-offline-cancel-unpaid-bank-transfers",
  schedule: "17 * * * *",
}
