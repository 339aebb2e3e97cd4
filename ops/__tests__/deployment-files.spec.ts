import { spawnSync } from "node:child_process"
import { existsSync, readFileSync, readdirSync } from "node:fs"
import path from "node:path"
import { DOCUMENTED_VARIABLES, readSetting, settingDefinitions } from "../../src/lib/settings"

const root = path.resolve(__dirname, "../..")
const read = (file: string) => readFileSync(path.join(root, file), "utf8")

const serverUnit = "ops/systemd/tienda-server@.service"
const workerUnit = "ops/systemd/tienda-worker.service"
const migrateUnit = "ops/systemd/tienda-migrate.service"
const target = "ops/systemd/tienda.target"
const envExample = "ops/systemd/tienda.env.example"
const composeFile = "ops/docker/compose.yaml"
const dockerfile = "ops/docker/Dockerfile"
const dockerignore = "ops/docker/Dockerfile.dockerignore"
const haproxyConfig = "ops/haproxy/haproxy.cfg"
const haproxy = "/usr/sbin/haproxy"

/** The variables a Tienda process reads: the settings it parses (src/lib/settings), the secrets and Medusa's own. */
const DEFINITIONS = new Map(settingDefinitions().map((definition) => [definition.name, definition]))
const APP_VARIABLES = new Set([
  ...DEFINITIONS.keys(),
  ...DOCUMENTED_VARIABLES.filter((v) => v.readBy === "secrets" || v.readBy === "medusa").map((v) => v.name),
])
/** The variables haproxy.cfg expands (outside its comments). */
const haproxyLines = read(haproxyConfig)
  .split("\n")
  .map((line) => line.replace(/^\s*#.*$/, ""))
const HAPROXY_VARIABLES = [
  ...new Set(haproxyLines.flatMap((line) => [...line.matchAll(/\$\{(\w+)\}/g)].map((m) => m[1]))),
]

/** `Section.Key` → every value it is given in a systemd unit file. */
function unitOf(file: string): Map<string, string[]> {
  const unit = new Map<string, string[]>()
  let section = ""
  for (const line of read(file).split("\n")) {
    const header = /^\[(\w+)\]$/.exec(line)
    const entry = /^(\w+)=(.*)$/.exec(line)
    if (header) {
      section = header[1]
    } else if (entry) {
      const key = `${section}.${entry[1]}`
      unit.set(key, [...(unit.get(key) ?? []), entry[2]])
    }
  }
  return unit
}

const one = (unit: Map<string, string[]>, key: string): string | undefined => unit.get(key)?.at(-1)

/** A unit's `Environment=` assignments (space-separated, double quotes allowed). */
function environmentOf(unit: Map<string, string[]>): Record<string, string> {
  const words = (unit.get("Service.Environment") ?? []).flatMap((value) => value.match(/(?:[^\s"]+|"[^"]*")+/g) ?? [])
  return Object.fromEntries(words.map((word) => word.replace(/"/g, "").split(/=(.*)/s).slice(0, 2)))
}

/** The `NAME=value` lines of an environment file. */
function envFileOf(file: string): Record<string, string> {
  const lines = read(file).split("\n")
  return Object.fromEntries(lines.filter((line) => /^\w+=/.test(line)).map((line) => line.split(/=(.*)/s).slice(0, 2)))
}

type Yaml = string | string[] | YamlMap
interface YamlMap {
  [key: string]: Yaml
}

/**
 * The YAML compose.yaml is written in: block mappings, one-line scalars (flow lists kept as text), `- ` lists of
 * scalars, `&anchor` on a mapping and `<<: *anchor` merges (keys of the mapping itself win). Anything else throws,
 * so a change of style shows here rather than as a check that reads nothing.
 */
function parseYaml(text: string): YamlMap {
  const lines = text.split("\n").filter((line) => line.trim() !== "" && !line.trim().startsWith("#"))
  const anchors = new Map<string, YamlMap>()
  const indentOf = (line: string) => line.length - line.trimStart().length
  const scalar = (value: string) => {
    const quoted = /^"([^"]*)"|^'([^']*)'/.exec(value)
    return quoted ? (quoted[1] ?? quoted[2]) : value.replace(/\s+#.*$/, "")
  }
  let i = 0
  const block = (indent: number): YamlMap | string[] => {
    if (lines[i].trimStart().startsWith("- ")) {
      const items: string[] = []
      while (i < lines.length && indentOf(lines[i]) === indent && lines[i].trimStart().startsWith("- ")) {
        items.push(scalar(lines[i++].trimStart().slice(2)))
      }
      return items
    }
    const map: YamlMap = {}
    const own = new Set<string>()
    while (i < lines.length && indentOf(lines[i]) === indent) {
      const entry = /^\s*([\w.<-]+):(?:\s+(.*))?$/.exec(lines[i])
      if (!entry) {
        throw new Error(`${composeFile}: "${lines[i].trim()}" is not YAML this test reads`)
      }
      i++
      const [, key, value = ""] = entry
      if (key === "<<" && value.startsWith("*")) {
        const merged = anchors.get(value.slice(1))
        if (!merged) {
          throw new Error(`${composeFile}: unknown anchor ${value}`)
        }
        for (const [mergedKey, mergedValue] of Object.entries(merged)) {
          if (!own.has(mergedKey)) {
            map[mergedKey] = mergedValue
          }
        }
        continue
      }
      own.add(key)
      if (value === "" || value.startsWith("&")) {
        const child = i < lines.length && indentOf(lines[i]) > indent ? block(indentOf(lines[i])) : {}
        map[key] = child
        if (value.startsWith("&") && !Array.isArray(child)) {
          anchors.set(value.slice(1), child)
        }
      } else {
        map[key] = scalar(value)
      }
    }
    return map
  }
  const doc = block(0)
  if (i < lines.length || Array.isArray(doc)) {
    throw new Error(`${composeFile}: "${lines[i]?.trim()}" is not YAML this test reads`)
  }
  return doc
}

const asMap = (value: Yaml | undefined): YamlMap =>
  value !== undefined && typeof value === "object" && !Array.isArray(value) ? value : {}
const asText = (value: Yaml | undefined): string | undefined => (typeof value === "string" ? value : undefined)

const compose = parseYaml(read(composeFile))
const services = asMap(compose.services)
/** The services that run the Tienda image (the ones built from ops/docker/Dockerfile). */
const tiendaServices = Object.keys(services).filter((name) => "build" in asMap(services[name]))
const composeEnv = (service: string): Record<string, string> =>
  Object.fromEntries(Object.entries(asMap(asMap(services[service]).environment)).map(([k, v]) => [k, asText(v) ?? ""]))

/** The instructions of the Dockerfile, continuation lines joined, comments dropped. */
const dockerInstructions = read(dockerfile)
  .replace(/\\\n/g, " ")
  .split("\n")
  .map((line) => /^([A-Z]+)\s+(.*)$/.exec(line.trim()))
  .filter((match): match is RegExpExecArray => match !== null)
  .map(([, instruction, args]) => ({ instruction, args }))

/** The arguments the `tienda` CLI gives `medusa db:migrate` (cli/src/start/migrate.ts). */
const cliMigrateArgs = JSON.parse(/\["db:migrate"[^\]]*\]/.exec(read("cli/src/start/migrate.ts"))![0]) as string[]

const seconds = (value: string | undefined): number => {
  const match = /^(\d+)\s*(s|sec|min)?$/.exec(value ?? "")
  return match ? Number(match[1]) * (match[2] === "min" ? 60 : 1) : NaN
}
const drainDefault = DEFINITIONS.get("TIENDA_DRAIN_TIMEOUT_SECONDS")!.default as number

describe("ops/: the deployment files (systemd, Docker)", () => {
  const server = unitOf(serverUnit)
  const worker = unitOf(workerUnit)
  const migrate = unitOf(migrateUnit)
  const serverEnv = environmentOf(server)
  const workerEnv = environmentOf(worker)
  const fileEnv = envFileOf(envExample)

  describe("variables", () => {
    it("name only variables a Tienda process reads (or haproxy.cfg, for the balancer)", () => {
      const files = [serverUnit, workerUnit, migrateUnit, target, envExample, composeFile, dockerfile]
      const unknown = files.flatMap((file) =>
        [...read(file).matchAll(/\b(?:TIENDA|MEDUSA)_[A-Z0-9_]+\b/g)]
          .map((match) => match[0])
          .filter((name) => !APP_VARIABLES.has(name) && !HAPROXY_VARIABLES.includes(name))
          .map((name) => `${file}: ${name}`)
      )
      const assigned = [
        ...Object.keys(fileEnv).map((name) => `${envExample}: ${name}`),
        ...[server, worker, migrate].flatMap((unit) => Object.keys(environmentOf(unit))).map((name) => `unit: ${name}`),
        ...tiendaServices.flatMap((s) => Object.keys(composeEnv(s)).map((name) => `${composeFile} ${s}: ${name}`)),
      ].filter((entry) => !APP_VARIABLES.has(entry.split(": ")[1]))
      expect([...new Set([...unknown, ...assigned])]).toEqual([])
    })

    it("give every setting a value its type accepts (a unit's %i as port 9001)", () => {
      const assignments: Array<[string, Record<string, string>]> = [
        [envExample, fileEnv],
        [serverUnit, serverEnv],
        [workerUnit, workerEnv],
        [migrateUnit, environmentOf(migrate)],
        ...tiendaServices.map((s): [string, Record<string, string>] => [`${composeFile} ${s}`, composeEnv(s)]),
      ]
      const refused = assignments.flatMap(([where, env]) =>
        Object.entries(env)
          .filter(([name, value]) => DEFINITIONS.has(name) && !value.includes("${"))
          .flatMap(([name, value]) => {
            try {
              readSetting(DEFINITIONS.get(name)!, { [name]: value.replace(/%i/g, "9001") })
              return []
            } catch (error) {
              return [`${where}: ${(error as Error).message}`]
            }
          })
      )
      expect(refused).toEqual([])
    })
  })

  describe("systemd units", () => {
    it("run servers (the instance is the port) and one worker, each with its own metrics port and name", () => {
      expect([serverEnv.PORT, serverEnv.MEDUSA_WORKER_MODE, workerEnv.MEDUSA_WORKER_MODE]).toEqual([
        "%i",
        "server",
        "worker",
      ])
      const instance = (env: Record<string, string>, port: string) =>
        Object.fromEntries(Object.entries(env).map(([name, value]) => [name, value.replace(/%i/g, port)]))
      const processes = [instance(serverEnv, "9001"), instance(serverEnv, "9002"), workerEnv]
      const ports = processes.flatMap((env) => [env.PORT, env.TIENDA_METRICS_PORT])
      expect(new Set(ports).size).toBe(ports.length)
      expect(new Set(processes.map((env) => env.TIENDA_PROCESS_NAME)).size).toBe(processes.length)
    })

    it("read /etc/tienda/tienda.env, whose example leaves each unit's own variables to the unit", () => {
      for (const unit of [server, worker, migrate]) {
        expect(unit.get("Service.EnvironmentFile")).toEqual(["/etc/tienda/tienda.env"])
      }
      // An EnvironmentFile wins over Environment=: one PORT there would give every process the same port.
      const unitOwned = [server, worker, migrate].flatMap((unit) => Object.keys(environmentOf(unit)))
      expect(Object.keys(fileEnv).filter((name) => unitOwned.includes(name))).toEqual([])
    })

    it("start `medusa start` in .medusa/server after the migrations, and stop only after the drain", () => {
      const drain = Number(fileEnv.TIENDA_DRAIN_TIMEOUT_SECONDS || drainDefault)
      for (const unit of [server, worker]) {
        expect(one(unit, "Service.ExecStart")).toBe("/opt/tienda/node_modules/.bin/medusa start")
        expect(one(unit, "Service.WorkingDirectory")).toBe("/opt/tienda/.medusa/server")
        expect(one(unit, "Unit.Requires")?.split(/\s+/)).toContain("tienda-migrate.service")
        expect(one(unit, "Unit.After")?.split(/\s+/)).toContain("tienda-migrate.service")
        expect(one(unit, "Install.WantedBy")).toBe("tienda.target")
        expect(one(unit, "Service.KillSignal")).toBe("SIGTERM")
        expect(one(unit, "Service.Restart")).toBe("always")
        expect(one(unit, "Service.User")).toBe("tienda")
        expect(seconds(one(unit, "Service.TimeoutStopSec"))).toBeGreaterThan(drain)
      }
      expect(existsSync(path.join(root, "node_modules/.bin/medusa"))).toBe(true)
    })

    it("migrate once with the CLI's arguments, from the project folder", () => {
      expect(one(migrate, "Service.Type")).toBe("oneshot")
      expect(one(migrate, "Service.RemainAfterExit")).toBe("yes")
      expect(one(migrate, "Service.WorkingDirectory")).toBe("/opt/tienda")
      const command = ["/opt/tienda/node_modules/.bin/medusa", ...cliMigrateArgs].join(" ")
      expect([one(migrate, "Service.ExecStart"), one(migrate, "Service.ExecReload")]).toEqual([command, command])
    })

    it("are hardened, writable only in the state folder", () => {
      for (const unit of [server, worker, migrate]) {
        expect(one(unit, "Service.NoNewPrivileges")).toBe("yes")
        expect(one(unit, "Service.ProtectSystem")).toBe("strict")
        expect(one(unit, "Service.PrivateTmp")).toBe("yes")
        expect(unit.get("Service.ReadWritePaths")).toEqual(["/var/lib/tienda"])
      }
      expect(fileEnv.TIENDA_STATE_DIR).toBe("/var/lib/tienda")
    })
  })

  describe("compose.yaml", () => {
    const balancer = composeEnv("haproxy")
    const modeOf = (service: string) => composeEnv(service).MEDUSA_WORKER_MODE

    it("mounts ops/haproxy/haproxy.cfg and sets every variable it reads, and only those", () => {
      expect(asMap(services.haproxy).volumes).toContainEqual(
        expect.stringMatching(/^\.\.\/haproxy\/haproxy\.cfg:\/usr\/local\/etc\/haproxy\/haproxy\.cfg(:ro)?$/)
      )
      expect(Object.keys(balancer).sort()).toEqual([...HAPROXY_VARIABLES].sort())
    })

    it("balances exactly the server-mode services, on their ports; one worker, never balanced", () => {
      const targets = Object.entries(balancer)
        .filter(([name]) => /^TIENDA_SERVER_\d+$/.test(name))
        .map(([, value]) => value.split(":"))
      for (const [host, port] of targets) {
        expect([host, modeOf(host), composeEnv(host).PORT]).toEqual([host, "server", port])
      }
      const servers = tiendaServices.filter((s) => modeOf(s) === "server")
      expect(servers.sort()).toEqual(targets.map(([host]) => host).sort())
      expect(tiendaServices.filter((s) => modeOf(s) === "worker")).toHaveLength(1)
      // Every other Tienda service is the one-shot migration: no process runs in the default `shared` mode.
      expect(tiendaServices.filter((s) => modeOf(s) === undefined)).toEqual(["migrate"])
    })

    it("migrates with the CLI's arguments before the processes start, and stops them only after the drain", () => {
      expect(JSON.parse(asText(asMap(services.migrate).command) ?? "null")).toEqual([
        "/app/node_modules/.bin/medusa",
        ...cliMigrateArgs,
      ])
      for (const service of tiendaServices.filter((s) => s !== "migrate")) {
        const definition = asMap(services[service])
        expect([service, asText(asMap(asMap(definition.depends_on).migrate).condition)]).toEqual([
          service,
          "service_completed_successfully",
        ])
        const drain = Number(composeEnv(service).TIENDA_DRAIN_TIMEOUT_SECONDS || drainDefault)
        expect(seconds(asText(definition.stop_grace_period) ?? "10s")).toBeGreaterThan(drain)
        expect(definition.volumes).toContainEqual(expect.stringMatching(/:\/app\/\.medusa\/server\/static$/))
      }
    })
  })

  describe("Dockerfile", () => {
    const runs = dockerInstructions.filter((i) => i.instruction === "RUN").map((i) => i.args)
    const lastStage = dockerInstructions.slice(dockerInstructions.map((i) => i.instruction).lastIndexOf("FROM"))

    it("builds with scripts and binaries the project has, the plugins first as the CLI does", () => {
      const scripts = (JSON.parse(read("package.json")) as { scripts: Record<string, string> }).scripts
      const text = read(dockerfile)
      const missingScripts = [...text.matchAll(/npm run (\S+)/g)].map((m) => m[1]).filter((s) => !(s in scripts))
      const missingBins = [...text.matchAll(/node_modules\/\.bin\/([\w:.-]+)/g)]
        .map((m) => m[1])
        .filter((bin) => !existsSync(path.join(root, "node_modules/.bin", bin)))
      expect([...missingScripts, ...missingBins]).toEqual([])
      expect(runs[0]).toMatch(/^npm ci\b/)
      // The CLI's own commands: `medusa plugin:build` in each plugin, then `medusa build` (npm run build).
      expect(read("cli/src/plugins/build-plugins.ts")).toContain('["plugin:build"]')
      expect(read("cli/src/start/build-app.ts")).toContain('["build"]')
      expect(scripts.build).toBe("medusa build")
      const pluginBuild = runs.findIndex((run) => /for plugin in plugins\/\*\/.*medusa plugin:build/.test(run))
      const appBuild = runs.findIndex((run) => /npm run build/.test(run))
      expect(pluginBuild).toBeGreaterThan(0)
      expect(appBuild).toBeGreaterThan(pluginBuild)
      expect(readdirSync(path.join(root, "plugins")).length).toBeGreaterThan(0)
      // `medusa start` in .medusa/server finds the project's modules through this link (cli/src/start/build-app.ts).
      expect(runs[appBuild]).toContain("ln -s ../../node_modules .medusa/server/node_modules")
    })

    it("runs `medusa start` in .medusa/server on node:20-bookworm-slim, not as root, checked on /health", () => {
      const froms = dockerInstructions.filter((i) => i.instruction === "FROM").map((i) => i.args.split(/\s+/)[0])
      expect(new Set(froms)).toEqual(new Set(["node:20-bookworm-slim"]))
      const last = (instruction: string) => lastStage.filter((i) => i.instruction === instruction).at(-1)?.args
      expect(last("USER")).toMatch(/^(?!root\b|0\b)\w+/)
      expect(last("WORKDIR")).toBe("/app/.medusa/server")
      expect(last("HEALTHCHECK")).toContain("/health")
      expect(last("CMD")).toBe('["/app/node_modules/.bin/medusa", "start"]')
      const ignored = read(dockerignore).split("\n")
      expect(ignored).toEqual(expect.arrayContaining([".env", "**/node_modules", "**/.medusa", ".tienda"]))
    })
  })

  describe("haproxy.cfg", () => {
    it("passes haproxy -c", () => {
      if (!existsSync(haproxy)) {
        throw new Error(`haproxy is not installed (looked for ${haproxy}): apt-get install haproxy`)
      }
      let port = 18_000
      const env = Object.fromEntries(HAPROXY_VARIABLES.map((name) => [name, `127.0.0.1:${port++}`]))
      const run = spawnSync(haproxy, ["-c", "-f", haproxyConfig], { cwd: root, env, encoding: "utf8", timeout: 30_000 })
      expect({ status: run.status, output: `${run.stdout}${run.stderr}` }).toEqual({
        status: 0,
        output: expect.any(String),
      })
    })
  })

  it("ops/README.md explains them before the alerts", () => {
    const readme = read("ops/README.md")
    const section = readme.indexOf("\n## Running several processes\n")
    expect(section).toBeGreaterThan(0)
    expect(section).toBeLessThan(readme.indexOf("\n## Alerts\n"))
    for (const file of [serverUnit, workerUnit, migrateUnit, target, envExample, composeFile, dockerfile]) {
      expect(readme).toContain(path.relative("ops", file))
    }
  })
})
