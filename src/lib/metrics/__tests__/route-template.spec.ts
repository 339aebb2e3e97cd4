import express from "express"
import { routeTemplatesOf } from "../route-template"

function appWithRoutes() {
  const app = express()
  const router = express.Router()
  router.get("/store/products", () => undefined)
  router.get("/store/products/:id", () => undefined)
  router.post("/store/carts/:id/line-items/:line_id", () => undefined)
  router.delete("/store/carts/:id/line-items/:line_id", () => undefined)
  router.get("/store/products/search", () => undefined)
  app.use(router)
  app.get("/health", () => undefined)
  return app
}

describe("route templates", () => {
  const templates = routeTemplatesOf(appWithRoutes())

  it.each([
    ["GET", "/store/products", "/store/products"],
    ["GET", "/store/products/prod_01ABC", "/store/products/:id"],
    ["GET", "/STORE/Products/prod_01ABC/", "/store/products/:id"],
    ["GET", "/store/products/search", "/store/products/search"],
    ["POST", "/store/carts/cart_1/line-items/li_2", "/store/carts/:id/line-items/:line_id"],
    ["GET", "/health", "/health"],
    ["GET", "/app/orders/order_1", "/app"],
    ["GET", "/store/nothing/here", "unmatched"],
    ["GET", "/wp-login.php", "unmatched"],
  ])("%s %s → %s", (method, path, expected) => {
    expect(templates.templateOf(method, path)).toBe(expected)
  })

  it("never returns a value that is not a route of the app, whatever the path", () => {
    const known = new Set([
      "/store/products",
      "/store/products/:id",
      "/store/products/search",
      "/store/carts/:id/line-items/:line_id",
      "/health",
      "/app",
      "unmatched",
    ])
    for (let i = 0; i < 200; i++) {
      const path = `/store/${Math.random().toString(36).slice(2)}/${i}`
      expect(known.has(templates.templateOf("GET", path))).toBe(true)
    }
  })
})
