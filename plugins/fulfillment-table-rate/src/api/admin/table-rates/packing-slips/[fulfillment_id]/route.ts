import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { isTableRateProvider } from "../../../../../utils/option-link"
import { renderPackingSlip, type PackingSlip } from "../../../../../utils/packing-slip"

/**
 * GET /admin/table-rates/packing-slips/:fulfillment_id: the packing slip PDF of a table-rate fulfillment, rendered
 * from the snapshot the provider recorded at `createFulfillment` (the same document as its
 * `getFulfillmentDocuments`, which Medusa itself never calls).
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "fulfillment",
    fields: ["id", "provider_id", "data"],
    filters: { id: req.params.fulfillment_id },
  })
  const fulfillment = data[0]
  if (!fulfillment) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Fulfillment "${req.params.fulfillment_id}" was not found`)
  }
  const slip = (fulfillment.data as Record<string, unknown> | null)?.packing_slip as PackingSlip | undefined
  if (!isTableRateProvider(fulfillment.provider_id) || !slip) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Fulfillment "${fulfillment.id}" was not created by the table-rate provider, so it has no packing slip`
    )
  }
  const pdf = await renderPackingSlip(slip)
  res.setHeader("Content-Type", "application/pdf")
  res.setHeader("Content-Disposition", `attachment; filename="packing-slip-${slip.order_number}.pdf"`)
  res.setHeader("Content-Length", String(pdf.length))
  res.status(200).end(pdf)
}
