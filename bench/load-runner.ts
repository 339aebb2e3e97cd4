import fs from "node:fs"
import path from "node:path"
import { spawn } from "node:child_process"
import { stateDir } from "./config"
import { treeRssMb } from "./systems"

/** Runs one load generator process (load.js or checkout.js) while sampling the server's RSS. */
export function runLoad(script: string, spec: object, serverPid: number): Promise<{ result: any; rssMb: number }> {
  const specFile = path.join(stateDir, `spec-${script.replace(/\.js$/, "")}.json`)
  fs.writeFileSync(specFile, JSON.stringify(spec))
  let rssMb = treeRssMb(serverPid)
  const sampler = setInterval(() => (rssMb = Math.max(rssMb, treeRssMb(serverPid))), 500)
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(__dirname, script), specFile], {
      stdio: ["ignore", "pipe", "inherit"],
    })
    let out = ""
    child.stdout.on("data", (chunk) => (out += chunk))
    child.on("exit", (code) => {
      clearInterval(sampler)
      if (code === 0) {
        resolve({ result: JSON.parse(out.trim().split("\n").pop()!), rssMb })
      } else {
        reject(new Error(`${script} failed`))
      }
    })
  })
}
