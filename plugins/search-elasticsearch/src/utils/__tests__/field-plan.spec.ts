import { buildFieldPlan } from "../field-plan"
import { productFields } from "./fixtures"

describe("buildFieldPlan", () => {
  const plan = buildFieldPlan({ fields: productFields, primary_key: "id" })

  it("flattens objects into dotted paths, arrays of objects into per-leaf arrays", () => {
    expect(plan.fields.get("variants.sku")).toMatchObject({ kind: "keyword", isArray: true, searchable: true })
    expect(plan.fields.has("variants")).toBe(false)
    expect(plan.fields.get("title")!.isArray).toBe(false)
  })

  it("routes exact uses of a text field to its keyword sub-field and searches keywords through analyzed ones", () => {
    expect(plan.fields.get("title")).toMatchObject({
      exactPath: "title.raw",
      textPath: "title",
      prefixPath: "title.prefix",
      weight: 3,
    })
    expect(plan.fields.get("handle")).toMatchObject({
      exactPath: "handle",
      textPath: "handle.text",
      prefixPath: "handle.prefix",
      weight: 1,
    })
    expect(plan.fields.get("status")!.textPath).toBeUndefined()
  })

  it("lists searchable paths in declaration order and leaves vectors out", () => {
    expect(plan.searchable).toEqual(["title", "description", "handle", "variants.sku"])
    expect(plan.ignored).toEqual(["embedding"])
    expect(plan.fields.has("embedding")).toBe(false)
  })
})
