/**
 * The packing slip: what the provider records when a fulfillment is created (a snapshot, so the slip never changes
 * after the order does) and the PDF rendered from it. The PDF's content streams are left uncompressed: slips are
 * one page, and the text stays searchable by tools (and tests) that do not inflate streams.
 */
import PDFDocument from "pdfkit"

export interface PackingSlipItem {
  title: string
  sku: string
  quantity: number
}

export interface PackingSlipAddress {
  name: string
  company?: string
  lines: string[]
  country_code: string
  phone?: string
}

export interface PackingSlip {
  order_id: string
  /** The order number the merchant and the customer see (display id, or the custom one). */
  order_number: string
  /** Sender printed on the slip (the provider's `shopName` when the fulfillment was created). */
  shop_name?: string
  fulfillment_created_at: string
  shipping_option?: string
  items: PackingSlipItem[]
  address: PackingSlipAddress | null
}

type AddressLike = Record<string, unknown> | null | undefined

function text(value: unknown): string {
  if (typeof value === "string") {
    return value.trim()
  }
  return typeof value === "number" || typeof value === "bigint" || typeof value === "boolean" ? String(value) : ""
}

export function toSlipAddress(address: AddressLike): PackingSlipAddress | null {
  if (!address) {
    return null
  }
  const cityLine = [text(address.postal_code), text(address.city), text(address.province)].filter(Boolean).join(" ")
  return {
    name: [text(address.first_name), text(address.last_name)].filter(Boolean).join(" "),
    company: text(address.company) || undefined,
    lines: [text(address.address_1), text(address.address_2), cityLine].filter(Boolean),
    country_code: text(address.country_code).toUpperCase(),
    phone: text(address.phone) || undefined,
  }
}

/** Renders a one-page A4 packing slip; resolves with the PDF's bytes. */
export function renderPackingSlip(slip: PackingSlip): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margin: 50,
    compress: false,
    info: { Title: `Packing slip, order #${slip.order_number}` },
  })
  const chunks: Buffer[] = []
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk))
    doc.on("end", () => resolve(Buffer.concat(chunks)))
    doc.on("error", reject)
  })

  doc.font("Helvetica-Bold").fontSize(20).text("Packing slip")
  doc
    .font("Helvetica")
    .fontSize(10)
    .fillColor("#555555")
    .text(slip.shop_name || "Tienda")
  doc.moveDown()
  doc.fillColor("#000000").fontSize(12).font("Helvetica-Bold").text(`Order #${slip.order_number}`)
  doc
    .font("Helvetica")
    .fontSize(10)
    .text(`Packed ${slip.fulfillment_created_at.slice(0, 10)}`)
  if (slip.shipping_option) {
    doc.text(`Shipping: ${slip.shipping_option}`)
  }
  doc.moveDown()

  doc.font("Helvetica-Bold").fontSize(11).text("Ship to")
  doc.font("Helvetica").fontSize(10)
  if (slip.address) {
    for (const line of [
      slip.address.name,
      slip.address.company,
      ...slip.address.lines,
      slip.address.country_code,
      slip.address.phone,
    ]) {
      if (line) {
        doc.text(line)
      }
    }
  } else {
    doc.text("(no shipping address)")
  }
  doc.moveDown(1.5)

  const left = doc.page.margins.left
  const columns = { sku: left, item: left + 150, quantity: left + 430 }
  const header = doc.y
  doc.font("Helvetica-Bold").fontSize(10)
  doc.text("SKU", columns.sku, header).text("Item", columns.item, header).text("Qty", columns.quantity, header)
  doc
    .moveTo(left, doc.y + 2)
    .lineTo(left + 495, doc.y + 2)
    .stroke()
  doc.font("Helvetica")
  let units = 0
  for (const item of slip.items) {
    const y = doc.y + 6
    doc.text(item.sku || "-", columns.sku, y, { width: 145 })
    doc.text(item.title, columns.item, y, { width: 270 })
    doc.text(String(item.quantity), columns.quantity, y)
    units += item.quantity
  }
  doc.moveDown()
  doc
    .font("Helvetica-Bold")
    .text(
      `${units} item${units === 1 ? "" : "s"} in ${slip.items.length} line${slip.items.length === 1 ? "" : "s"}`,
      left
    )
  doc.end()
  return done
}
