/** Medusa's own API reference: its routes are documented there, not here. */
export const MEDUSA_REFERENCE = {
  store: "https://docs.medusajs.com/api/store",
  admin: "https://docs.medusajs.com/api/admin",
}

/** A Medusa route whose contract Tienda keeps but whose edge it tightens: linked, with what Tienda adds. */
export interface MedusaRouteNote {
  method: string
  path: string
  reference: string
  tienda: string
}

/** The Medusa routes Tienda's middlewares change for a client (src/api/middlewares.ts and the plugins'). */
export const MEDUSA_ROUTE_NOTES: readonly MedusaRouteNote[] = [
  {
    method: "GET",
    path: "/store/products",
    reference: MEDUSA_REFERENCE.store,
    tienda:
      "Same answers from Tienda's read model and response cache; anonymous answers carry an ETag and public Cache-Control (304 on If-None-Match).",
  },
  {
    method: "POST",
    path: "/store/carts/{id}/complete",
    reference: MEDUSA_REFERENCE.store,
    tienda:
      "Completions wait in a per-store line; a completed cart's order is answered again at once; a cash-on-delivery fee is applied; 503 with Retry-After while PostgreSQL or Redis is lost.",
  },
  {
    method: "POST",
    path: "/store/carts",
    reference: MEDUSA_REFERENCE.store,
    tienda: "Quantities must be whole and positive; a shipping address's country must belong to the cart's region.",
  },
  {
    method: "POST",
    path: "/store/search",
    reference: MEDUSA_REFERENCE.store,
    tienda: "Only the product index; synonyms applied and queries counted for the admin's search insights.",
  },
  {
    method: "POST",
    path: "/store/payment-collections/{id}/payment-sessions",
    reference: MEDUSA_REFERENCE.store,
    tienda: "A shopper's `data` keeps only the keys the payment provider declares.",
  },
  {
    method: "POST",
    path: "/store/customers",
    reference: MEDUSA_REFERENCE.store,
    tienda: "The email must be a valid address.",
  },
  {
    method: "POST",
    path: "/hooks/payment/{provider}",
    reference: MEDUSA_REFERENCE.store,
    tienda: "A Stripe webhook with a bad signature is refused with 400 instead of accepted.",
  },
]
