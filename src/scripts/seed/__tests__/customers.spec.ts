import { Modules } from "@medusajs/framework/utils"
import { seedDemoCustomers } from "../customers"
import { loadDemoData } from "../load-data"

/** A container whose auth module records registrations and refuses them (nothing further runs). */
function fakeContainer() {
  const registered: string[] = []
  const auth = {
    register: async (_provider: string, { body }: { body: { email: string } }) => {
      registered.push(body.email)
      return { success: false, error: "refused by the test" }
    },
  }
  const container = { resolve: (key: string) => (key === Modules.AUTH ? auth : undefined) } as never
  return { container, registered }
}

describe("demo customers (published password)", () => {
  const saved = { ...process.env }
  afterEach(() => (process.env = { ...saved }))

  it.each(["production", "staging"])("are not made with NODE_ENV=%s", async (nodeEnv) => {
    Object.assign(process.env, { NODE_ENV: nodeEnv, TIENDA_LOCAL: "" })
    const { container, registered } = fakeContainer()
    await expect(seedDemoCustomers(container, loadDemoData().customers)).resolves.toBe(false)
    expect(registered).toEqual([])
  })

  it.each([
    ["development", ""],
    ["test", ""],
    ["production", "true"], // a local `tienda start`: medusa start forces NODE_ENV=production
  ])("are made with NODE_ENV=%s TIENDA_LOCAL=%s", async (nodeEnv, local) => {
    Object.assign(process.env, { NODE_ENV: nodeEnv, TIENDA_LOCAL: local })
    const { container, registered } = fakeContainer()
    await expect(seedDemoCustomers(container, loadDemoData().customers)).rejects.toThrow(/refused by the test/)
    expect(registered).toEqual(["ana.garcia@example.com"])
  })
})
