import { Command, Option } from "commander"
import { UsageError } from "./shared/project"
import { ConfigEditRefused } from "./shared/config-edit-refused"
import { COMMANDS, type CommandSpec } from "./commands"

/**
 * The `tienda` command: commander wiring only; the commands are the data in commands.ts and each lives in its
 * own folder. Only this file exits: 0 done, 1 failed, 2 called wrongly (unknown command or option, missing or
 * bad argument).
 */
const program = new Command("tienda").description("Run and develop a Tienda shop").showHelpAfterError()
program.exitOverride((error) => {
  process.exit(error.exitCode === 0 ? 0 : 2)
})

function addCommand(parent: Command, spec: CommandSpec): void {
  const command = parent.command(spec.name, { hidden: spec.hidden }).description(spec.description)
  command.allowExcessArguments(false)
  for (const argument of spec.arguments ?? []) {
    command.argument(argument.name, argument.description)
  }
  for (const option of spec.options ?? []) {
    const built = new Option(option.flags, option.description)
    if (option.choices) {
      built.choices(option.choices)
    }
    if (option.required) {
      built.makeOptionMandatory()
    }
    if (option.repeatable) {
      built.argParser((value: string, previous: string[] = []) => [...previous, value]).default([])
    }
    command.addOption(built)
  }
  for (const sub of spec.subcommands ?? []) {
    addCommand(command, sub)
  }
  const run = spec.run
  if (run) {
    command.action(async (...args: unknown[]) => {
      // commander passes the arguments, then the options, then the command itself.
      finish(await run(...args.slice(0, -1)))
    })
  }
}

for (const spec of COMMANDS) {
  addCommand(program, spec)
}

function finish(code: number): never {
  process.exit(code)
}

program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof UsageError) {
    process.stderr.write(`${error.message}\n`)
    process.exit(2)
  }
  if (error instanceof ConfigEditRefused) {
    process.stderr.write(`tienda: medusa-config.ts was not changed: ${error.message}\n`)
    process.exit(1)
  }
  process.stderr.write(`tienda: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
})
