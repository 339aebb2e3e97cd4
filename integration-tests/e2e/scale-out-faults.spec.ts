import { MADRID_ADDRESS } from "../helpers/store"
import { addStock, auditOrders, ordersWithoutConfirmation, type OrderAudit } from "../helpers/order-invariants"
import { startScaledShop, type ScaledShop } from "../helpers/scaled-shop"
import { ShopLoad, statusCounts, type LoadReport, type RequestSample } from "../helpers/shop-load"
import { holdRowLock, lockWaitersOn, queryRows } from "../helpers/database-probe"

jest.setTimeout(10 * 60_000)

const SHOPPERS = 8
const BROWSERS = 2

/**
 * The production topology (two server processes and the worker behind HAProxy with ops/haproxy/haproxy.cfg, one
 * PostgreSQL, one Redis with its append-only file; see helpers/scaled-shop.ts) under browsing plus 8 shoppers
 * checking out, while one part fails at a time. After each fault, read from the database: every order a shopper was
 * told about exists exactly once, no cart has two orders, no payment stands without an order, stock reserved equals
 * stock ordered and never exceeds stock held. Each test prints what shoppers saw and how long recovery took.
 */
describe("two servers and a worker behind HAProxy, under faults", () => {
  let shop: ScaledShop
  let regionId: string
  let variantIds: string[]
  let productIds: string[]
  const everyOrder = new Map<string, string>()
  const summary: string[] = []

  beforeAll(async () => {
    shop = await startScaledShop()
    summary.push(
      `  started in: ${Object.entries(shop.startedIn)
        .map(([step, seconds]) => `${step} ${seconds} s`)
        .join(", ")}`
    )
    const key = { "x-publishable-api-key": shop.publishableKey }
    const { regions } = await (await fetch(`${shop.balancer}/store/regions`, { headers: key })).json()
    regionId = regions.find((region: any) => region.currency_code === "eur").id
    const { products } = await (
      await fetch(`${shop.balancer}/store/products?limit=8&region_id=${regionId}&fields=id,*variants`, {
        headers: key,
      })
    ).json()
    productIds = products.map((product: any) => product.id)
    variantIds = products.slice(0, 4).map((product: any) => product.variants[0].id)
    await addStock(shop.databaseUrl, variantIds, 10_000)
  })

  afterAll(async () => {
    process.stdout.write(`\nscale-out faults:\n${summary.join("\n")}\n`)
    await shop?.stop()
  })

  // A test that fails midway leaves its load running: afterEach stops it and counts its orders, so that the next
  // test's audit is about the next test.
  const loads: ShopLoad[] = []
  afterEach(async () => {
    for (const load of loads.splice(0)) {
      for (const [cart, order] of (await load.stop()).acknowledged) {
        everyOrder.set(cart, order)
      }
    }
  })

  const loadOf = (tag: string) => {
    const load = new ShopLoad({
      base: shop.balancer,
      publishableKey: shop.publishableKey,
      regionId,
      variantIds,
      productIds,
      shoppers: SHOPPERS,
      browsers: BROWSERS,
      tag,
    }).start()
    loads.push(load)
    return load
  }

  async function until(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 60_000): Promise<number> {
    const started = Date.now()
    while (!(await check())) {
      if (Date.now() - started > timeoutMs) {
        throw new Error(`${what}: not within ${timeoutMs / 1000} s`)
      }
      await pause(100)
    }
    return Date.now() - started
  }

  /** The database after a fault: nothing lost, doubled, orphaned or oversold. */
  async function expectSound(report: LoadReport): Promise<OrderAudit> {
    for (const [cart, order] of report.acknowledged) {
      everyOrder.set(cart, order)
    }
    let audit = await auditOrders(shop.databaseUrl, everyOrder, variantIds)
    // A payment authorized for a completion that failed with the database (its order never written) is cancelled by
    // the worker's job once it is older than the grace period (20 s here): wait for it, and say so.
    const orphaned = audit.paymentsWithoutOrder.length
    const waitedFrom = Date.now()
    while (audit.paymentsWithoutOrder.length > 0 && Date.now() - waitedFrom < 120_000) {
      await pause(2_000)
      audit = await auditOrders(shop.databaseUrl, everyOrder, variantIds)
    }
    if (orphaned > 0) {
      summary.push(
        `  ${orphaned} payment(s) left without their order, cancelled by the worker's job ` +
          `${((Date.now() - waitedFrom) / 1000).toFixed(0)} s after the load stopped`
      )
    }
    expect({
      unresolved: report.unresolved,
      acknowledgedMissing: audit.acknowledgedMissing,
      cartsWithSeveralOrders: audit.cartsWithSeveralOrders,
      paymentsWithoutOrder: audit.paymentsWithoutOrder,
      ordersWithoutPayment: audit.ordersWithoutPayment,
      oversoldLevels: audit.oversoldLevels,
      reservationMismatches: audit.reservationMismatches,
    }).toEqual({
      unresolved: [],
      acknowledgedMissing: [],
      cartsWithSeveralOrders: [],
      paymentsWithoutOrder: [],
      ordersWithoutPayment: [],
      oversoldLevels: [],
      reservationMismatches: {},
    })
    // Every order the database holds was acknowledged to its shopper (none placed behind a failed answer).
    expect(audit.ordersInDatabase).toBe(everyOrder.size)
    return audit
  }

  function describeRun(name: string, report: LoadReport, extra: string): void {
    const fiveXx = report.samples.filter((sample) => sample.status >= 500).length
    const unanswered = report.samples.filter((sample) => sample.status === 0).length
    summary.push(
      `  ${name}: ${report.samples.length} requests, ${report.acknowledged.size} orders acknowledged ` +
        `(${everyOrder.size} in the database so far), ${fiveXx} 5xx, ${unanswered} without answer, ` +
        `${report.abandoned} carts abandoned; ${extra}`
    )
  }

  it("tienda start --processes 2 runs two servers and a worker, replaces a killed server, stops them all", () => {
    const group = shop.processGroup
    expect(group.roles).toEqual(["server-1", "server-2", "worker"])
    // The other server kept answering while server-1 was replaced (a request on the killed one's connection may fail).
    const { ok, failed } = group.duringReplacement
    expect({ ok, failed, someAnswered: ok > 0, atMostOneFailed: failed <= 1 }).toMatchObject({
      someAnswered: true,
      atMostOneFailed: true,
    })
    expect(group.afterReplacement).toEqual({ ok: 40, failed: 0 })
    expect(group.exitCode).toBe(0)
    expect(group.leftBehind).toEqual([])
    summary.push(
      `  tienda start --processes 2, server-1 SIGKILL: replaced in ${(group.replacedInMs / 1000).toFixed(1)} s; ` +
        `meanwhile ${group.duringReplacement.ok} answered, ${group.duringReplacement.failed} failed` +
        (group.extras.length > 0 ? `; more processes in a role: ${group.extras.join("; ")}` : "")
    )
  })

  it("shows an admin's price change through every server on the next request", async () => {
    const admin = await shop.adminHeaders()
    const key = { "x-publishable-api-key": shop.publishableKey }
    const productId = productIds[5]
    const { product } = await (
      await fetch(`${shop.balancer}/admin/products/${productId}?fields=*variants,*variants.prices`, { headers: admin })
    ).json()
    const variant = product.variants[0]
    const eur = variant.prices.find((price: any) => price.currency_code === "eur")
    const newAmount = eur.amount + 7
    // The variant by id: Medusa lists a product's variants in no fixed order, and they may share a price.
    const priceVia = async (base: string) => {
      const response = await fetch(
        `${base}/store/products/${productId}?region_id=${regionId}&fields=*variants.calculated_price`,
        { headers: key }
      )
      const { product } = await response.json()
      const how = `${response.headers.get("x-tienda-cache")}/${response.headers.get("x-tienda-read-model")}`
      const shown = product.variants.find((candidate: any) => candidate.id === variant.id)
      return { amount: shown.calculated_price.calculated_amount as number, how }
    }
    // Each server (and the balancer) has the answer cached.
    const bases = [shop.balancer, ...shop.servers.map((server) => server.base)]
    const warm: string[] = []
    for (const base of bases) {
      await priceVia(base)
      warm.push((await priceVia(base)).how.split("/")[0])
    }
    expect(warm).toEqual(bases.map(() => "hit"))
    expect((await priceVia(shop.balancer)).amount).toBe(eur.amount)
    const update = await fetch(`${shop.balancer}/admin/products/${productId}/variants/${variant.id}`, {
      method: "POST",
      headers: { ...admin, "content-type": "application/json" },
      body: JSON.stringify({
        prices: variant.prices.map((price: any) => ({
          id: price.id,
          currency_code: price.currency_code,
          amount: price.id === eur.id ? newAmount : price.amount,
        })),
      }),
    })
    expect([update.status, (await update.json()).product?.id]).toEqual([200, productId])
    // Each answer names how it was made (cache and read-model headers), for the failure message.
    const seen: { base: string; amount: number; how: string }[] = []
    for (const base of bases) {
      seen.push({ base, ...(await priceVia(base)) })
    }
    expect(seen.map(({ base }) => base)).toEqual(bases)
    expect(seen.filter(({ amount }) => amount !== newAmount)).toEqual([])
  })

  it("worker killed: orders go on, and every order.placed is handled once the worker is back", async () => {
    await shop.killWorker()
    const killedAt = Date.now()
    const load = loadOf("worker")
    await until(() => load.orders >= 6, "orders placed while the worker is away")
    const placedWhileAway = load.orders
    await shop.startWorker()
    const workerBackAt = Date.now()
    await pause(2_000)
    const report = await load.stop()
    await expectSound(report)
    expect(report.samples.filter((sample) => sample.status >= 500 || sample.status === 0)).toEqual([])
    // Events queued in Redis while no worker ran are delivered after it starts: each order gets its confirmation.
    const orderIds = [...report.acknowledged.values()]
    const handledIn = await until(
      async () => (await ordersWithoutConfirmation(shop.databaseUrl, orderIds)).length === 0,
      "confirmation emails of the orders placed while the worker was away"
    )
    describeRun(
      "worker SIGKILL",
      report,
      `${placedWhileAway} orders placed in the ${((workerBackAt - killedAt) / 1000).toFixed(1)} s without a worker; ` +
        `all ${orderIds.length} confirmations sent ${(handledIn / 1000).toFixed(1)} s after the load stopped`
    )
  })

  it("a server killed mid-checkout: HAProxy routes around it, no order lost or doubled", async () => {
    const load = loadOf("kill")
    await until(() => load.orders >= 4, "orders before the kill")
    await shop.killServer(0)
    const killedAt = Date.now()
    const detectedIn = await until(async () => (await shop.serverState(0)).startsWith("DOWN"), "HAProxy marks it down")
    const before = load.orders
    await until(() => load.orders >= before + 4, "orders on the remaining server")
    await shop.startServer(0)
    const upIn = await until(async () => (await shop.serverState(0)).startsWith("UP"), "HAProxy takes it back", 30_000)
    await pause(3_000)
    const report = await load.stop()
    await expectSound(report)
    // What shoppers saw: only requests in flight on the killed process can fail (writes are never re-sent by the
    // balancer), and only around the kill; the shoppers' retries of a completion got their order.
    const failures = report.samples.filter((sample) => sample.status >= 500 || sample.status === 0)
    expect(failures.filter((sample) => sample.at > killedAt + 5_000)).toEqual([])
    expect(failures.length).toBeLessThanOrEqual(SHOPPERS + BROWSERS)
    describeRun(
      "server SIGKILL",
      report,
      `marked down ${(detectedIn / 1000).toFixed(1)} s after the kill, back in rotation ` +
        `${(upIn / 1000).toFixed(1)} s after its restart; failures ${JSON.stringify(statusCounts(failures))}`
    )
  })

  it("a server killed between writing an order and authorizing its payment: the retry undoes that order and places the cart's order again", async () => {
    // The kill above lands wherever the load happens to be. Here it lands in the one window that leaves an order
    // behind: the test holds the cart's payment session row, so server-1's completion writes the order, its link
    // and its reservation, then waits at the payment's authorization; then server-1 is SIGKILLed.
    const cartId = await readyCart("killed.before.payment@example.com")
    const [{ id: sessionId }] = await queryRows<{ id: string }>(
      shop.databaseUrl,
      `select ps.id from payment_session ps
         join cart_payment_collection cpc on cpc.payment_collection_id = ps.payment_collection_id
        where cpc.cart_id = $1 and ps.deleted_at is null`,
      [cartId]
    )
    const held = await holdRowLock(shop.databaseUrl, "payment_session", sessionId)
    let cutOffOrder = ""
    try {
      const firstAttempt = complete(cartId, 120_000, shop.servers[0].base).catch((error) => error.name)
      await until(async () => (await lockWaitersOn(shop.databaseUrl, "payment_session")) > 0, "the authorization waits")
      const links = await queryRows<{ order_id: string }>(
        shop.databaseUrl,
        `select order_id from order_cart where cart_id = $1 and deleted_at is null`,
        [cartId]
      )
      cutOffOrder = links[0].order_id
      await shop.killServer(0)
      // Its shopper got no answer (the connection was cut), only the error's name.
      expect(typeof (await firstAttempt)).toBe("string")
    } finally {
      await held.release()
    }
    // What the dead process left: the order and its link, no payment.
    const left = async () =>
      (
        await queryRows(
          shop.databaseUrl,
          `select (select count(*)::int from "order" where id = $1 and deleted_at is null) as orders,
                  (select count(*)::int from payment p join cart_payment_collection cpc
                      on cpc.payment_collection_id = p.payment_collection_id where cpc.cart_id = $2) as payments`,
          [cutOffOrder, cartId]
        )
      )[0]
    expect(await left()).toEqual({ orders: 1, payments: 0 })
    await shop.startServer(0)

    // The shopper sends the completion again through the balancer until it is answered with an order.
    const retriedFrom = Date.now()
    const statuses: Record<string, number> = {}
    let answer = await complete(cartId, 60_000).catch(() => ({ status: 0 }))
    for (; answer.type !== "order"; answer = await complete(cartId, 60_000).catch(() => ({ status: 0 }))) {
      statuses[answer.status] = (statuses[answer.status] ?? 0) + 1
      if (Date.now() - retriedFrom > 240_000) {
        throw new Error(`no order within 240 s of retries: ${JSON.stringify(statuses)}`)
      }
      await pause(2_000)
    }
    // Never told of the order that took no money: the first order answered is the one placed again.
    expect(answer.order.id).not.toBe(cutOffOrder)
    expect(await left()).toEqual({ orders: 0, payments: 1 })
    await expectSound({
      samples: [],
      acknowledged: new Map([[cartId, answer.order.id]]),
      refused: [],
      unresolved: [],
      abandoned: 0,
    })
    await until(async () => (await shop.serverState(0)).startsWith("UP"), "HAProxy takes it back", 30_000)
    summary.push(
      `  server SIGKILL between an order's write and its payment: retries answered ${JSON.stringify(statuses)} over ` +
        `${((Date.now() - retriedFrom) / 1000).toFixed(0)} s (the dead process's lock on the cart lasts 120 s), ` +
        `then that order undone and the cart's order placed again`
    )
  })

  it("a completion sent again after a client time-out returns the same order, never a second one", async () => {
    const load = loadOf("timeout")
    const cartIds = await Promise.all([0, 1, 2, 3].map((n) => readyCart(`timeout.retry.${n}@example.com`)))
    const orders = await Promise.all(
      cartIds.map(async (cartId) => {
        // The first attempt is abandoned by the client after 100 ms, while the server works on it.
        const first = await complete(cartId, 100).catch((error) => error.name)
        let answer = first
        for (let attempt = 0; answer?.type !== "order"; attempt++) {
          expect(attempt).toBeLessThan(60)
          await pause(1_000)
          answer = await complete(cartId, 60_000)
        }
        everyOrder.set(cartId, answer.order.id)
        // Once answered, the order is answered again at once, whatever the first attempt is still doing.
        const again = await complete(cartId, 60_000)
        return {
          cartId,
          orderId: answer.order.id as string,
          first: typeof first === "string" ? first : first.type,
          again: { status: again.status, type: again.type, orderId: again.order?.id },
        }
      })
    )
    const report = await load.stop()
    for (const { cartId, orderId } of orders) {
      report.acknowledged.set(cartId, orderId)
    }
    await expectSound(report)
    expect(orders.map((o) => o.again)).toEqual(orders.map((o) => ({ status: 200, type: "order", orderId: o.orderId })))
    describeRun(
      "completion retried after a client time-out",
      report,
      `${orders.length} carts, first attempts ${JSON.stringify(orders.map((o) => o.first))}, one order each`
    )
  })

  it("Redis restarted: the shop recovers by itself, no order lost or doubled", async () => {
    const load = loadOf("redis")
    await until(() => load.orders >= 4, "orders before the restart")
    await shop.redis.shutDown()
    const downAt = Date.now()
    await pause(3_000)
    await shop.redis.startUp()
    const upAt = Date.now()
    const completedAfter = (samples: RequestSample[]) =>
      samples.some((s) => s.route === "/store/carts/:id/complete" && s.status === 200 && s.at >= upAt)
    const recoveredIn = await until(() => completedAfter(load.samples), "a completion after Redis is back")
    await until(
      async () => (await Promise.all(shop.servers.map((s) => readyStatus(s.base)))).every((status) => status === 200),
      "both servers ready again"
    )
    await pause(3_000)
    const report = await load.stop()
    await expectSound(report)
    const outage = report.samples.filter((s) => s.at >= downAt && s.at < upAt)
    const afterRecovery = report.samples.filter((s) => s.at > upAt + recoveredIn + 2_000)
    expect(afterRecovery.filter((s) => s.status >= 500 || s.status === 0)).toEqual([])
    // Events emitted while Redis was away: counted, not assumed.
    const orderIds = [...report.acknowledged.values()]
    await pause(5_000)
    const unconfirmed = await ordersWithoutConfirmation(shop.databaseUrl, orderIds)
    describeRun(
      "Redis restart (3 s down)",
      report,
      `during the outage ${JSON.stringify(statusCounts(outage))}; first order ${(recoveredIn / 1000).toFixed(1)} s ` +
        `after Redis was back; ${unconfirmed.length} of ${orderIds.length} orders without a confirmation email`
    )
    expect(unconfirmed).toEqual([])
  })

  it("PostgreSQL restarted: fast 503s with Retry-After while it is down, recovery without restarting a process", async () => {
    const pids = shop.servers.map((server) => server.child.pid)
    const load = loadOf("postgres")
    await until(() => load.orders >= 4, "orders before the restart")
    shop.postgres.shutDown("fast")
    const downAt = Date.now()
    await pause(5_000)
    shop.postgres.startUp()
    const upAt = Date.now()
    const recoveredIn = await until(
      () => load.samples.some((s) => s.route === "/store/carts/:id/complete" && s.status === 200 && s.at >= upAt),
      "a completion after PostgreSQL is back"
    )
    await pause(3_000)
    const report = await load.stop()
    await expectSound(report)
    // Requests sent while the database is down (after the first second, which in-flight ones straddle).
    const outage = report.samples.filter((s) => s.at >= downAt + 1_000 && s.at < upAt)
    const failed = outage.filter((s) => s.status !== 200 && s.status !== 201)
    expect(outage.length).toBeGreaterThan(0)
    expect(failed.filter((s) => s.status !== 503 || s.retryAfter === undefined)).toEqual([])
    const slowest = Math.max(...outage.map((s) => s.ms))
    expect(slowest).toBeLessThan(5_000)
    expect(shop.servers.map((server) => [server.child.pid, server.child.exitCode])).toEqual(
      pids.map((pid) => [pid, null])
    )
    // Connections the restart cut are dropped by the pool, not handed out again and again.
    const afterRecovery = report.samples.filter((s) => s.at > upAt + recoveredIn + 2_000)
    expect(afterRecovery.filter((s) => s.status >= 500 || s.status === 0)).toEqual([])
    const straddling = report.samples.filter((s) => s.at >= downAt && s.at < downAt + 1_000)
    const reconnecting = report.samples.filter((s) => s.at >= upAt && s.at <= upAt + recoveredIn)
    describeRun(
      "PostgreSQL restart (5 s down)",
      report,
      `in its first second ${JSON.stringify(statusCounts(straddling))}; during the rest of the outage ` +
        `${JSON.stringify(statusCounts(outage))}, slowest answer ${slowest} ms; until the first order after it was ` +
        `back ${JSON.stringify(statusCounts(reconnecting))}; first order ${(recoveredIn / 1000).toFixed(1)} s after ` +
        `PostgreSQL was back`
    )
  })

  it("the restarted worker runs its scheduled jobs", async () => {
    // notification-smtp's retry job runs every minute; the worker was restarted in an earlier test.
    const runs = await until(
      async () => (await jobRuns("notification-smtp-retry-emails")) > 0,
      "a scheduled run",
      90_000
    )
    summary.push(`  scheduled job after the worker's restart: ran (${(runs / 1000).toFixed(1)} s of waiting here)`)
  })

  async function jobRuns(job: string): Promise<number> {
    const text = await (await fetch(`http://127.0.0.1:${shop.workerMetricsPort}/metrics`)).text()
    return text
      .split("\n")
      .filter((line) => line.startsWith("tienda_scheduled_job_runs_total") && line.includes(`scheduled_job="${job}"`))
      .reduce((sum, line) => sum + Number(line.split(" ").pop()), 0)
  }

  async function readyStatus(base: string): Promise<number> {
    // Bodies are always read: undici fails on a connection closed under an unread body.
    return fetch(`${base}/ready`).then(
      async (response) => (await response.arrayBuffer(), response.status),
      () => 0
    )
  }

  async function readyCart(email: string): Promise<string> {
    const call = async (method: string, url: string, body?: unknown) => {
      const response = await fetch(`${shop.balancer}${url}`, {
        method,
        headers: { "content-type": "application/json", "x-publishable-api-key": shop.publishableKey },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
      const data = await response.json()
      if (response.status >= 300) {
        throw new Error(`${method} ${url} → ${response.status}: ${JSON.stringify(data)}`)
      }
      return data
    }
    const { cart } = await call("POST", "/store/carts", {
      region_id: regionId,
      email,
      items: [{ variant_id: variantIds[0], quantity: 1 }],
      shipping_address: MADRID_ADDRESS,
      billing_address: MADRID_ADDRESS,
    })
    const { shipping_options } = await call("GET", `/store/shipping-options?cart_id=${cart.id}`)
    await call("POST", `/store/carts/${cart.id}/shipping-methods`, { option_id: shipping_options[0].id })
    const { payment_collection } = await call("POST", "/store/payment-collections", { cart_id: cart.id })
    await call("POST", `/store/payment-collections/${payment_collection.id}/payment-sessions`, {
      provider_id: "pp_system_default",
    })
    return cart.id
  }

  async function complete(cartId: string, timeoutMs: number, base = shop.balancer): Promise<any> {
    const response = await fetch(`${base}/store/carts/${cartId}/complete`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-publishable-api-key": shop.publishableKey },
      body: "{}",
      signal: AbortSignal.timeout(timeoutMs),
    })
    return { status: response.status, ...(await response.json().catch(() => ({}))) }
  }
})

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
