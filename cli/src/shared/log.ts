/** Progress output of long CLI work: one line per step, with how long it took. */
export function step(message: string): (done?: string) => void {
  const started = Date.now()
  process.stdout.write(`• ${message}…\n`)
  return (done?: string) => {
    const seconds = ((Date.now() - started) / 1000).toFixed(1)
    process.stdout.write(`  ${done ?? "done"} (${seconds} s)\n`)
  }
}

export function info(message: string): void {
  process.stdout.write(`${message}\n`)
}

export function warn(message: string): void {
  process.stderr.write(`! ${message}\n`)
}
