import { callerMayChangeCart } from "../cart-access"

describe("callerMayChangeCart", () => {
  it("lets anyone holding a guest cart's id change it", () => {
    expect(callerMayChangeCart({ customer_id: "cus_guest", customer: { has_account: false } }, undefined)).toBe(true)
    expect(callerMayChangeCart({ customer_id: null, customer: null }, "cus_other")).toBe(true)
  })

  it("lets a registered customer change their own cart only", () => {
    const cart = { customer_id: "cus_owner", customer: { has_account: true } }
    expect(callerMayChangeCart(cart, "cus_owner")).toBe(true)
    expect(callerMayChangeCart(cart, "cus_other")).toBe(false)
    expect(callerMayChangeCart(cart, undefined)).toBe(false)
  })

  it("refuses an account cart whose owner id is missing", () => {
    expect(callerMayChangeCart({ customer_id: null, customer: { has_account: true } }, undefined)).toBe(false)
  })
})
