import { inStockChannels, variantAvailability } from "../product-stock"

describe("in-stock sales channels", () => {
  const madrid = new Set(["loc_mad"])
  const link = (variant_id: string, levels: [string, number, number][], required_quantity = 1) => ({
    variant_id,
    required_quantity,
    inventory: {
      location_levels: levels.map(([location_id, stocked_quantity, reserved_quantity]) => ({
        location_id,
        stocked_quantity,
        reserved_quantity,
      })),
    },
  })

  it("counts only the channel's locations, minus reservations, per required quantity", () => {
    expect(
      variantAvailability(
        [
          link("v", [
            ["loc_mad", 5, 1],
            ["loc_nj", 100, 0],
          ]),
        ],
        madrid
      )
    ).toBe(4)
    expect(variantAvailability([link("v", [["loc_mad", 5, 0]], 2)], madrid)).toBe(2)
    expect(variantAvailability([link("v", [["loc_mad", 3, 3]])], madrid)).toBe(0)
    expect(variantAvailability([], madrid)).toBe(0)
  })

  it("lists the channels where some variant can be bought", () => {
    const product = {
      id: "p",
      sales_channels: [{ id: "sc_eu" }, { id: "sc_us" }],
      variants: [{ id: "v1", manage_inventory: true }],
    }
    const links = new Map([["v1", [link("v1", [["loc_mad", 2, 0]])]]])
    const locations = new Map([
      ["sc_eu", madrid],
      ["sc_us", new Set(["loc_nj"])],
    ])
    expect(inStockChannels(product, links, locations)).toEqual(["sc_eu"])
    const unmanaged = { ...product, variants: [{ id: "v1", manage_inventory: false }] }
    expect(inStockChannels(unmanaged, new Map(), locations)).toEqual(["sc_eu", "sc_us"])
    const backorder = { ...product, variants: [{ id: "v1", manage_inventory: true, allow_backorder: true }] }
    expect(inStockChannels(backorder, new Map(), locations)).toEqual(["sc_eu", "sc_us"])
  })
})
