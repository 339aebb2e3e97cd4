import { authenticate, configureStoreSearch, defineMiddlewares } from "@medusajs/framework/http"
import { verifyStripeSignature } from "./payments/stripe-signature"
import { keepDeclaredSessionData } from "./payments/session-data"
import { trustedClientAddress } from "./edge/client-address"
import { databaseGate } from "./edge/database-gate"
import { storeSearch } from "./store-search/store-search"
import { catalogHttpCaching } from "./http-caching/catalog-http-caching"
import {
  catalogCache,
  invalidateCatalogAfterWrite,
  invalidateStockAfterCheckout,
  productListReadModel,
  storeCategoryFilter,
} from "./catalog-cache"
import { queueCheckout } from "./checkout/checkout-queue"
import { answerCompletedCart } from "./checkout/completed-cart-order"
import { refuseInterruptedOrder } from "./checkout/interrupted-order-answer"
import { countCompletionOutcome } from "./checkout/completion-outcome"
import { observeRequest } from "./observability/observe-request"
import { operationValidators, tiendaVersions } from "./operation-middlewares"
import { tiendaErrorHandler } from "./security/error-handler"
import { requireKnownShippingOption } from "./security/known-shipping-option"
import { attachOrderToken } from "./security/order-token"
import { enforceOwnership } from "./security/ownership"
import { rateLimit } from "./security/rate-limit"
import { securityHeaders } from "./security/security-headers"
import { requireIsoCountry, requireRegionCountries } from "./validation/address-country"
import { requireEmail } from "./validation/registration-email"
import { requestHygiene } from "./validation/request-hygiene"
import { requireValidLineItems } from "./validation/line-item-input"

export default defineMiddlewares({
  // Tienda's error handler: no SQL, stack or driver text in answers; 5xx carry a request id (see security/).
  errorHandler: tiendaErrorHandler(),
  routes: [
    // Every request, first: its context (request id for logs and spans) and its metrics (observability/).
    { matcher: "/", middlewares: [observeRequest] },
    // Every request, before any route: the client's address through the trusted proxies only (edge/client-address.ts),
    // security headers, rate limits, then the one shared input validator.
    { matcher: "/", middlewares: [trustedClientAddress, securityHeaders, rateLimit, requestHygiene] },
    // Tienda's own routes carry a version (Tienda-Version); Medusa's routes pass (operation-middlewares.ts).
    { matcher: "/", middlewares: [tiendaVersions()] },
    // What browsers and CDNs may keep: anonymous catalog answers are public with ETags, the rest private
    // (http-caching/). Catalog reads from the response cache; admin writes and completed checkouts invalidate it
    // (catalog-cache/). It answers catalog GETs only, never a cart or order route, so it may come before the
    // ownership rule.
    { matcher: "/store", middlewares: [catalogHttpCaching, catalogCache] },
    // Without PostgreSQL, everything the cache did not answer gets 503 and Retry-After at once (edge/database-gate.ts).
    { matcher: "/", middlewares: [databaseGate] },
    // Carts and orders of registered customers answer only to their owner.
    { matcher: "/store", middlewares: [enforceOwnership] },
    // Product lists that miss it are assembled from per-product documents (after Medusa's own middlewares of the route);
    // a category filter selects through public categories only, as Medusa's route means to (store-category-filter.ts).
    { matcher: "/store/products", method: ["GET"], middlewares: [storeCategoryFilter, productListReadModel] },
    {
      matcher: "/admin",
      middlewares: [invalidateCatalogAfterWrite(["catalog", "inventory"], { authenticatedOnly: true })],
    },
    { matcher: "/store/carts", method: ["POST"], middlewares: [requireRegionCountries] },
    { matcher: "/store/carts/:id", method: ["POST"], middlewares: [requireRegionCountries] },
    {
      matcher: "/store/carts/:id/complete",
      method: ["POST"],
      // A cart that already has its order is answered before the checkout line: a retry must not wait behind, or
      // be refused because of, an attempt that is still finishing.
      middlewares: [
        countCompletionOutcome,
        attachOrderToken,
        answerCompletedCart,
        refuseInterruptedOrder,
        queueCheckout,
        invalidateStockAfterCheckout,
      ],
    },
    { matcher: "/store/customers/me/addresses", method: ["POST"], middlewares: [requireIsoCountry] },
    { matcher: "/store/customers/me/addresses/:address_id", method: ["POST"], middlewares: [requireIsoCountry] },
    { matcher: "/store/customers", method: ["POST"], middlewares: [requireEmail] },
    { matcher: "/auth/customer/emailpass/register", method: ["POST"], middlewares: [requireEmail] },
    { matcher: "/store/shipping-options/:id/calculate", method: ["POST"], middlewares: [requireKnownShippingOption] },
    // Product search: only the product index is open to storefronts; Tienda's checks, synonyms and insights.
    {
      matcher: "/store/search",
      method: ["POST"],
      middlewares: [configureStoreSearch({ allowed_indexes: { product: true } }), storeSearch],
    },
    // Medusa accepts any payment webhook with 200 and verifies later; a bad Stripe signature is refused here (400).
    { matcher: "/hooks/payment/:provider", method: ["POST"], middlewares: [verifyStripeSignature] },
    // Session data belongs to the payment provider: a shopper's `data` keeps only the keys the provider declares.
    {
      matcher: "/store/payment-collections/:id/payment-sessions",
      method: ["POST"],
      middlewares: [keepDeclaredSessionData],
    },
    // Medusa serves the feature flags to anyone; they fingerprint the version and its experimental features.
    {
      matcher: "/admin/feature-flags",
      method: ["GET"],
      middlewares: [authenticate("user", ["session", "bearer", "api-key"])],
    },
    {
      matcher: "/store/carts",
      method: ["POST"],
      middlewares: [requireValidLineItems],
    },
    {
      matcher: "/store/carts/:id/line-items",
      method: ["POST"],
      middlewares: [requireValidLineItems],
    },
    {
      matcher: "/store/carts/:id/line-items/:line_id",
      method: ["POST"],
      middlewares: [requireValidLineItems],
    },
    // Tienda's own routes: the validators their reference documents (/docs).
    ...operationValidators(),
  ],
})
