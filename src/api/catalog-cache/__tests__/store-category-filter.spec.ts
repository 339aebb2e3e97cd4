import { onlyStoreCategories, storeCategoryFilter } from "../store-category-filter"

describe("store category filter", () => {
  it("narrows every categories filter to public categories, in $and and $or too", () => {
    const filters: Record<string, any> = {
      status: "published",
      categories: { id: ["pcat_1"] },
      $and: [{ categories: { id: "pcat_2" } }, { $or: [{ categories: { id: ["pcat_3"] } }, { title: "x" }] }],
    }
    onlyStoreCategories(filters)
    const publicOnly = { is_internal: false, is_active: true }
    expect(filters.categories).toEqual({ id: ["pcat_1"], ...publicOnly })
    expect(filters.$and[0].categories).toEqual({ id: "pcat_2", ...publicOnly })
    expect(filters.$and[1].$or[0].categories).toEqual({ id: ["pcat_3"], ...publicOnly })
    expect(filters.$and[1].$or[1]).toEqual({ title: "x" })
    expect(filters.status).toBe("published")
  })

  it("leaves a list without a category filter as it is, and always calls next", () => {
    const req = { filterableFields: { status: "published", id: ["prod_1"] } } as any
    const next = jest.fn()
    storeCategoryFilter(req, {} as any, next)
    expect(req.filterableFields).toEqual({ status: "published", id: ["prod_1"] })
    expect(next).toHaveBeenCalledTimes(1)
    storeCategoryFilter({} as any, {} as any, next)
    expect(next).toHaveBeenCalledTimes(2)
  })
})
