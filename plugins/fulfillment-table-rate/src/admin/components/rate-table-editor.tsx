import { Button, Heading, Input, Label, Table, Text, toast } from "@medusajs/ui"
import { useMemo, useState } from "react"
import type { RateTableProblem } from "../../utils/rate-table-types"
import { checkForm, emptyRow, toForm, type TableForm } from "../lib/rate-form"
import { sdk } from "../lib/sdk"
import type { TableRateOption } from "../lib/types"
import { RateRowFields } from "./rate-row-fields"

interface Props {
  option: TableRateOption
  currencies: string[]
  onSaved: () => void
}

/**
 * Edits one shipping option's rate table. Every change is checked with the server's own rules: problems show
 * under the row they concern, and Save stays disabled until there are none. Amounts are typed in major units
 * (4.95); the API receives minor units.
 */
export const RateTableEditor = ({ option, currencies, onSaved }: Props) => {
  const [form, setForm] = useState<TableForm>(() => toForm(option.rate_table, currencies[0] ?? "eur"))
  const [serverProblems, setServerProblems] = useState<RateTableProblem[]>([])
  const [saving, setSaving] = useState(false)
  const { body, problems } = useMemo(() => checkForm(form, currencies), [form, currencies])
  const shown = problems.length ? problems : serverProblems
  const tableProblems = shown.filter((p) => !p.row)
  const usedCurrencies = [...new Set(form.rows.map((r) => r.currency_code).filter(Boolean))]

  const update = (next: TableForm) => {
    setServerProblems([])
    setForm(next)
  }

  const save = async () => {
    setSaving(true)
    try {
      await sdk.client.fetch(`/admin/table-rates/${option.id}`, { method: "POST", body })
      toast.success("Rate table saved")
      onSaved()
    } catch (error: any) {
      setServerProblems([{ message: error?.message ?? "The rate table could not be saved" }])
    } finally {
      setSaving(false)
    }
  }

  return (
    <div className="flex flex-col gap-y-4 px-6 py-4" data-testid="rate-table-editor">
      <div>
        <Heading level="h2">{option.name}</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {[option.location, option.service_zone].filter(Boolean).join(" · ")}
          {option.rate_table ? ` · version ${option.rate_table.version}` : " · no rate table yet"}
        </Text>
        <Text size="small" className="text-ui-fg-subtle">
          Ranges include their lower bound and exclude their upper bound; leave "to" empty for no limit.
        </Text>
      </div>
      <Table>
        <Table.Header>
          <Table.Row>
            {["#", "Currency", "Weight from (g)", "Weight to (g)", "Subtotal from", "Subtotal to", "Price", ""].map(
              (h) => (
                <Table.HeaderCell key={h}>{h}</Table.HeaderCell>
              )
            )}
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {form.rows.map((row, index) => (
            <RateRowFields
              key={row.key}
              row={row}
              index={index}
              currencies={currencies}
              problems={shown.filter((p) => p.row === index + 1)}
              onChange={(next) => update({ ...form, rows: form.rows.map((r) => (r.key === row.key ? next : r)) })}
              onRemove={() => update({ ...form, rows: form.rows.filter((r) => r.key !== row.key) })}
            />
          ))}
        </Table.Body>
      </Table>
      <div>
        <Button
          variant="secondary"
          size="small"
          onClick={() => update({ ...form, rows: [...form.rows, emptyRow(currencies[0] ?? "eur")] })}
        >
          Add row
        </Button>
      </div>
      {usedCurrencies.map((currency) => (
        <div key={currency} className="flex gap-x-4">
          <div className="flex flex-col gap-y-1">
            <Label size="small">Handling fee per item ({currency.toUpperCase()})</Label>
            <Input
              size="small"
              aria-label={`Handling fee ${currency.toUpperCase()}`}
              value={form.handling_fee[currency] ?? ""}
              onChange={(e) => update({ ...form, handling_fee: { ...form.handling_fee, [currency]: e.target.value } })}
            />
          </div>
          <div className="flex flex-col gap-y-1">
            <Label size="small">Free shipping from ({currency.toUpperCase()})</Label>
            <Input
              size="small"
              aria-label={`Free over ${currency.toUpperCase()}`}
              placeholder="never"
              value={form.free_over[currency] ?? ""}
              onChange={(e) => update({ ...form, free_over: { ...form.free_over, [currency]: e.target.value } })}
            />
          </div>
        </div>
      ))}
      {tableProblems.map((problem) => (
        <Text key={problem.message} size="small" className="text-ui-fg-error" role="alert">
          {problem.message}
        </Text>
      ))}
      <div className="flex justify-end">
        <Button size="small" onClick={save} isLoading={saving} disabled={problems.length > 0}>
          Save rate table
        </Button>
      </div>
    </div>
  )
}
