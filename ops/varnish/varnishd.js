// Varnish as the bench and the tests run it: Debian's varnishd in the foreground with ops/varnish/tienda.vcl,
// its backend set to the Tienda server at hand, no management port, its working files in one folder.
const fs = require("node:fs")
const path = require("node:path")

const VCL = path.join(__dirname, "tienda.vcl")

/** The command line for a varnishd listening on `port` in front of Tienda on `backendPort`; writes its VCL to `dir`. */
function varnishdArgs({ dir, port, backendPort, storageMb }) {
  const vcl = fs.readFileSync(VCL, "utf8").replace('.port = "9000";', `.port = "${backendPort}";`)
  const vclFile = path.join(dir, "tienda.vcl")
  fs.writeFileSync(vclFile, vcl)
  return [
    "-F",
    "-j",
    "none",
    "-n",
    varnishInstance(dir),
    "-a",
    `127.0.0.1:${port}`,
    "-T",
    "none",
    "-s",
    `malloc,${storageMb}m`,
    "-f",
    vclFile,
  ]
}

/** The instance folder varnishstat and varnishadm name with `-n`. */
function varnishInstance(dir) {
  return path.join(dir, "instance")
}

module.exports = { varnishdArgs, varnishInstance }
