import net from "node:net"

/**
 * TCP ports that nothing listens on right now, chosen by the operating system. Ports derived from pids clashed
 * between jest workers (a worker's pid can be the main process's pid plus the offset another helper added).
 */
/** `count` distinct free ports (asked for while the earlier ones are still held, so they cannot repeat). */
export async function freePorts(count: number): Promise<number[]> {
  const servers: net.Server[] = []
  try {
    for (let i = 0; i < count; i++) {
      const server = net.createServer()
      await new Promise<void>((resolve, reject) => {
        server.once("error", reject)
        server.listen(0, "127.0.0.1", resolve)
      })
      servers.push(server)
    }
    return servers.map((server) => (server.address() as net.AddressInfo).port)
  } finally {
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))))
  }
}

export async function freePort(): Promise<number> {
  return (await freePorts(1))[0]
}
