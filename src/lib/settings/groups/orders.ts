import { setting } from "../define"
import { oneOf } from "../types/switches"

export const orderSettings = {
  guestOrderAccess: setting(
    "TIENDA_GUEST_ORDER_ACCESS",
    oneOf(["open", "token"] as const),
    "open",
    "token: a guest order is readable only with its x-order-token"
  ),
}
