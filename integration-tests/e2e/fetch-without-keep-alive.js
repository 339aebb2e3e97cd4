// The e2e specs share one long-running shop, and jest reuses a worker's connection pool across spec files. A pooled
// keep-alive socket that the shop closed (Node's 5 s idle timeout) while the worker was busy loading the next spec
// is still handed out, and the request fails with "other side closed". A test client has no use for keep-alive:
// every fetch in these specs (the JS SDK's included) opens its own connection.
const { Agent } = require("undici")

const agent = new Agent({ pipelining: 0 })
const nativeFetch = globalThis.fetch
globalThis.fetch = (input, init = {}) => nativeFetch(input, { ...init, dispatcher: agent })
