import { addToCartWorkflow, deleteLineItemsWorkflow, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { WorkflowResponse, createWorkflow, transform, when } from "@medusajs/framework/workflows-sdk"
import { planCashOnDeliveryFeeStep } from "./steps/plan-cash-on-delivery-fee"

export interface ApplyCashOnDeliveryFeeInput {
  cart_id: string
  /** true: the customer pays cash on delivery (add the fee); false: another method (remove it). */
  apply: boolean
}

/**
 * Puts the cash-on-delivery fee on a cart as a custom line item (or takes it off). Medusa's own cart workflows
 * do the work, so totals, taxes and the payment collection's amount are refreshed as for any line item.
 */
export const applyCashOnDeliveryFeeWorkflow = createWorkflow(
  "apply-cash-on-delivery-fee",
  (input: ApplyCashOnDeliveryFeeInput) => {
    const { data: carts } = useQueryGraphStep({
      entity: "cart",
      fields: [
        "id",
        "currency_code",
        "completed_at",
        "items.id",
        "items.quantity",
        "items.unit_price",
        "items.metadata",
      ],
      filters: { id: input.cart_id },
    })
    const cart = transform({ carts }, ({ carts }) => carts[0])
    const plan = planCashOnDeliveryFeeStep({ cart, cart_id: input.cart_id, apply: input.apply })

    when("remove-cash-on-delivery-fee", { plan }, ({ plan }) => plan.remove.length > 0).then(() => {
      deleteLineItemsWorkflow.runAsStep({ input: { cart_id: input.cart_id, ids: plan.remove } })
    })
    when("add-cash-on-delivery-fee", { plan }, ({ plan }) => !!plan.add).then(() => {
      const items = transform({ plan }, ({ plan }) => [plan.add!])
      addToCartWorkflow.runAsStep({ input: { cart_id: input.cart_id, items } })
    })
    return new WorkflowResponse(plan)
  }
)
