import net from "node:net"
import os from "node:os"
import path from "node:path"
import { startEmbeddedCluster } from "../embedded-postgres"

describe("an embedded PostgreSQL whose port is taken", () => {
  let server: net.Server
  let port: number
  beforeAll(async () => {
    server = net.createServer()
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
    port = (server.address() as net.AddressInfo).port
  })
  afterAll(() => new Promise((resolve) => server.close(resolve)))

  const start = (portVariable?: string) =>
    startEmbeddedCluster({
      dataDir: path.join(os.tmpdir(), "tienda-port-taken-never-created"),
      port,
      portVariable,
      logFile: path.join(os.tmpdir(), "tienda-port-taken.log"),
    })

  it("refuses to start and names the variable that moves it", async () => {
    await expect(start()).rejects.toThrow(`Port ${port} is taken by another program`)
    await expect(start()).rejects.toThrow("Set TIENDA_PG_PORT to a free port")
  })

  it("names the test cluster's own variable for the test cluster", async () => {
    await expect(start("TIENDA_TEST_PG_PORT")).rejects.toThrow("Set TIENDA_TEST_PG_PORT to a free port")
  })
})
