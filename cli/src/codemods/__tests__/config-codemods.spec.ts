import fs from "node:fs"
import path from "node:path"
import { registerPlugin, registerProvider } from "../register-plugin"
import { unregisterPackage } from "../unregister-plugin"
import { ConfigEditRefused, MedusaConfigRef } from "../../shared/medusa-config-ref"
import { OWNING_MODULES } from "../../shared/plugin-kinds"

/** Golden files: fixtures/<case>.in.ts edited by the codemods must equal fixtures/<case>.out.ts byte for byte. */
const fixture = (name: string) => fs.readFileSync(path.join(__dirname, "fixtures", name), "utf8")

const logMail = { resolve: "@tienda/log-mail/providers/log-mail", id: "log-mail", options: { channels: ["email"] } }
const flat = { resolve: "@tienda/flat/providers/flat", id: "flat", options: { flatRate: 4.95 } }

describe("register / unregister codemods (golden files)", () => {
  it("adds a provider (new module entry keeping Medusa's default provider) and a plugin to Tienda's config", () => {
    const input = fixture("tienda-config.in.ts")
    let text = registerProvider(input, OWNING_MODULES.notification, logMail).text
    text = registerPlugin(text, "@tienda/loyalty", { apiKey: "env:LOYALTY_API_KEY", tiers: 3 }).text
    expect(text).toBe(fixture("tienda-config.out.ts"))

    const removed = unregisterPackage(unregisterPackage(text, "@tienda/log-mail").text, "@tienda/loyalty")
    expect(removed.text).toBe(input)
  })

  it("appends to an existing module entry and a one-line plugins list, keeping comments", () => {
    const input = fixture("existing-module.in.ts")
    const text = registerPlugin(registerProvider(input, OWNING_MODULES.fulfillment, flat).text, "@tienda/flat").text
    expect(text).toBe(fixture("existing-module.out.ts"))
    expect(text).toContain("// rates by weight")
    // The entry has more than the default providers (and `dependencies`): removing ours keeps it.
    expect(unregisterPackage(text, "@tienda/flat").text).toBe(input)
  })

  it("creates `modules` and `plugins` when the config has neither", () => {
    const input = fixture("bare-config.in.ts")
    const pay = { resolve: "@tienda/pay/providers/pay", id: "pay" }
    const text = registerPlugin(registerProvider(input, OWNING_MODULES.payment, pay).text, "@tienda/pay").text
    expect(text).toBe(fixture("bare-config.out.ts"))
  })

  it("changes nothing when the plugin or provider is already registered", () => {
    const once = registerProvider(fixture("existing-module.in.ts"), OWNING_MODULES.fulfillment, flat).text
    expect(registerProvider(once, OWNING_MODULES.fulfillment, flat)).toEqual({ text: once, changed: false })
    const plugin = registerPlugin(once, "@tienda/flat").text
    expect(registerPlugin(plugin, "@tienda/flat")).toEqual({ text: plugin, changed: false })
    expect(unregisterPackage(fixture("bare-config.in.ts"), "@tienda/nothing").changed).toBe(false)
  })

  it("lists what a config registers", () => {
    expect(MedusaConfigRef.parse(fixture("existing-module.in.ts")).registrations()).toEqual([
      { kind: "plugin", resolve: "@tienda/fulfillment-table-rate" },
      {
        kind: "provider",
        resolve: "@medusajs/medusa/fulfillment-manual",
        module: "@medusajs/medusa/fulfillment",
        id: "manual",
      },
      {
        kind: "provider",
        resolve: "@tienda/fulfillment-table-rate/providers/table-rate",
        module: "@medusajs/medusa/fulfillment",
        id: "table-rate",
      },
    ])
  })
})

describe("option values", () => {
  const pluginsOf = (text: string) => text.slice(text.indexOf("plugins: ["))

  it("are written as literals, whatever their text", () => {
    const options = {
      quote: `x", evil: require("child_process"), y: "`,
      code: "${process.exit(1)}`); require('fs')//",
      newline: "a\nb",
      amount: -2.5,
      on: false,
      list: ["env:LIST_KEY", "plain"],
    }
    const text = registerPlugin(fixture("bare-config.in.ts"), "@tienda/x", options).text
    expect(pluginsOf(text)).toContain(
      '{ resolve: "@tienda/x", options: { quote: "x\\", evil: require(\\"child_process\\"), y: \\"", ' +
        'code: "${process.exit(1)}`); require(\'fs\')//", newline: "a\\nb", amount: -2.5, on: false, ' +
        'list: [process.env.LIST_KEY, "plain"] } }'
    )
    // Read back as data, the options are exactly what was asked for.
    const literal = pluginsOf(text)
      .match(/options: (\{.*\}) \}/)![1]
      .replace("process.env.LIST_KEY", '"env:LIST_KEY"')
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the printed object literal, evaluated back as data
    expect(new Function(`return (${literal})`)()).toEqual(options)
  })

  it("refuses an env: reference that is not a variable name", () => {
    for (const value of ["env:X);require('child_process')", "env:", "env:A.B", "env:1X"]) {
      expect(() => registerPlugin(fixture("bare-config.in.ts"), "@tienda/x", { key: value })).toThrow(ConfigEditRefused)
      expect(() => registerPlugin(fixture("bare-config.in.ts"), "@tienda/x", { key: ["ok", value] })).toThrow(
        /does not name an environment variable/
      )
    }
  })
})

describe("configs the codemods refuse to edit", () => {
  const config = (body: string, before = "") =>
    `import { defineConfig } from "@medusajs/framework/utils"\n${before}\nmodule.exports = defineConfig({\n${body}\n})\n`
  const refusals: [string, string, RegExp][] = [
    [
      "modules built elsewhere",
      config("  modules: infrastructureModules,"),
      /`modules` in medusa-config.ts is not a literal array/,
    ],
    ["a spread config object", config("  ...base,"), /spreads `base`/],
    [
      "the module inside a spread variable",
      config(
        "  modules: [...extra],",
        'const extra = [{ resolve: "@medusajs/medusa/payment", options: { providers: [] } }]'
      ),
      /configured inside `extra`/,
    ],
    ["a spread it cannot see into", config("  modules: [...require('./modules')],"), /cannot see into/],
    [
      "the module twice",
      config(
        '  modules: [{ resolve: "@medusajs/medusa/payment", options: { providers: [] } }, { resolve: "@medusajs/payment", options: { providers: [] } }],'
      ),
      /configures the payment module twice/,
    ],
    ["a computed resolve", config("  modules: [{ resolve: paymentModule }],"), /sets `resolve` from an expression/],
    [
      "providers not written as a list",
      config('  modules: [{ resolve: "@medusajs/medusa/payment", options: paymentOptions }],'),
      /no literal `options: \{ providers/,
    ],
    [
      "no defineConfig",
      "module.exports = { projectConfig: {} }\n",
      /must call defineConfig\(\{\.\.\.\}\) exactly once/,
    ],
    ["a syntax error", config("  modules: [,"), /syntax errors/],
  ]

  it.each(refusals)("refuses %s, saying why", (_, text, message) => {
    const pay = { resolve: "@tienda/pay/providers/pay", id: "pay" }
    expect(() => registerProvider(text, OWNING_MODULES.payment, pay)).toThrow(ConfigEditRefused)
    expect(() => registerProvider(text, OWNING_MODULES.payment, pay)).toThrow(message)
  })

  it("refuses a plugins list that is not literal", () => {
    expect(() => registerPlugin(config("  plugins: myPlugins,"), "@tienda/x")).toThrow(
      /`plugins` in medusa-config.ts is not a literal array/
    )
  })
})
