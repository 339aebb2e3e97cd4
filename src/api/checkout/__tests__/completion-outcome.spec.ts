import { completionOutcomeOf } from "../completion-outcome"

describe("cart completion outcome", () => {
  it.each([
    [200, { type: "order" }, "order"],
    [200, { type: "cart", error: { type: "payment_authorization_error" } }, "payment_declined"],
    [200, { type: "cart", error: { type: "payment_requires_more_error" } }, "payment_declined"],
    [400, { message: "Some variant does not have the required inventory" }, "out_of_stock"],
    [400, { message: "Cannot complete a cart with no items" }, "invalid"],
    [404, { message: "Cart id not found" }, "invalid"],
    [409, { message: "This cart is already being completed" }, "busy"],
    [429, { message: "Too many checkouts" }, "busy"],
    [500, { message: "An unknown error occurred." }, "error"],
    [200, undefined, "error"],
  ])("%s %j → %s", (status, body, expected) => {
    expect(completionOutcomeOf(status, body as never)).toBe(expected)
  })
})
