// Guest checkout load, run as its own process: `node bench/checkout.js <spec.json>`. N shoppers each loop through
// create cart → add item → addresses → shipping method → payment collection + session → complete, until the
// duration is over (a checkout that has started is finished). Prints one JSON line: orders/s, latencies, errors.
const fs = require("node:fs")
const { summarize } = require("./stats")

const spec = JSON.parse(fs.readFileSync(process.argv[2], "utf8"))
const headers = { "content-type": "application/json", ...spec.headers }
const address = {
  first_name: "Bench",
  last_name: "Shopper",
  address_1: "Gran Via 1",
  city: "City",
  postal_code: "28013",
}
const steps = {}
const orderLatencies = []
const errors = {}
let orders = 0

async function call(step, method, path, body) {
  const started = performance.now()
  const response = await fetch(spec.baseUrl + path, { method, headers, body: body && JSON.stringify(body) })
  const data = await response.json().catch(() => ({}))
  ;(steps[step] ||= []).push(performance.now() - started)
  if (!response.ok) {
    throw Object.assign(new Error(`${step} ${response.status}`), { key: `${step} ${response.status}`, data })
  }
  return data
}

async function checkout(shopper) {
  const region = spec.regions[shopper % spec.regions.length]
  const variant = spec.variants[Math.floor(Math.random() * spec.variants.length)]
  const { cart } = await call("create cart", "POST", "/store/carts", { region_id: region.id })
  await call("add item", "POST", `/store/carts/${cart.id}/line-items`, { variant_id: variant, quantity: 1 })
  const shipTo = { ...address, country_code: region.country }
  const email = `bench-${shopper}-${Date.now()}@example.com`
  await call("addresses", "POST", `/store/carts/${cart.id}`, {
    email,
    shipping_address: shipTo,
    billing_address: shipTo,
  })
  await call("shipping", "POST", `/store/carts/${cart.id}/shipping-methods`, {
    option_id: spec.shippingOptions[region.id],
  })
  const { payment_collection } = await call("payment collection", "POST", "/store/payment-collections", {
    cart_id: cart.id,
  })
  await call("payment session", "POST", `/store/payment-collections/${payment_collection.id}/payment-sessions`, {
    provider_id: "pp_system_default",
  })
  const done = await call("complete", "POST", `/store/carts/${cart.id}/complete`)
  if (done.type !== "order") {
    throw Object.assign(new Error("complete did not place an order"), { key: "complete: no order" })
  }
}

async function shopper(index, deadline) {
  while (Date.now() < deadline) {
    const started = performance.now()
    try {
      await checkout(index)
      orders++
      orderLatencies.push(performance.now() - started)
    } catch (error) {
      const key = error.key || `network: ${error.message}`
      errors[key] = (errors[key] || 0) + 1
      if (process.env.BENCH_VERBOSE) console.error(key, JSON.stringify(error.data || {}).slice(0, 300))
    }
  }
}

;(async () => {
  const started = Date.now()
  const deadline = started + spec.duration * 1000
  await Promise.all(Array.from({ length: spec.shoppers }, (_, i) => shopper(i, deadline)))
  const elapsed = (Date.now() - started) / 1000
  const perStep = Object.fromEntries(Object.entries(steps).map(([name, list]) => [name, summarize(list)]))
  const errorCount = Object.values(errors).reduce((a, b) => a + b, 0)
  console.log(
    JSON.stringify({
      orders,
      rps: Math.round((orders / elapsed) * 100) / 100,
      ...summarize(orderLatencies),
      errors: errorCount,
      statuses: errors,
      steps: perStep,
    })
  )
})()
