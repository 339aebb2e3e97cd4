// The ceiling of this machine: a bare Node HTTP server answering every request with the same small JSON body.
const http = require("node:http")

const body = JSON.stringify({
  products: [{ id: "prod_1", title: "Fixed", handle: "fixed" }],
  count: 1,
  offset: 0,
  limit: 20,
})
http
  .createServer((req, res) => {
    req.resume()
    req.on("end", () => {
      res.writeHead(200, {
        "content-type": "application/json; charset=utf-8",
        "content-length": Buffer.byteLength(body),
      })
      res.end(body)
    })
  })
  .listen(Number(process.env.PORT || 9100), "127.0.0.1")
