/**
 * When a failed send is tried again: after `attempts` failed attempts, wait the delay at that position (seconds);
 * when the delays are used up, `null`: give up and mark the email failed.
 */
export function nextAttemptAt(attempts: number, delaysSeconds: number[], now: Date = new Date()): Date | null {
  const delay = delaysSeconds[attempts - 1]
  return delay === undefined ? null : new Date(now.getTime() + delay * 1000)
}
