import { Button, Input, Table, Text } from "@medusajs/ui"
import { Trash } from "@medusajs/icons"
import type { RateTableProblem } from "../../utils/rate-table-types"
import type { RowForm } from "../lib/rate-form"

interface Props {
  row: RowForm
  index: number
  currencies: string[]
  problems: RateTableProblem[]
  onChange: (row: RowForm) => void
  onRemove: () => void
}

const FIELDS: { name: keyof RowForm; label: string; placeholder?: string }[] = [
  { name: "min_weight", label: "Weight from (g)" },
  { name: "max_weight", label: "Weight to (g)", placeholder: "no limit" },
  { name: "min_subtotal", label: "Subtotal from" },
  { name: "max_subtotal", label: "Subtotal to", placeholder: "no limit" },
  { name: "price", label: "Price" },
]

/** One editable row of a rate table; its problems are shown right under it. */
export const RateRowFields = ({ row, index, currencies, problems, onChange, onRemove }: Props) => {
  const invalid = (field: string) => problems.some((p) => p.field === field)
  return (
    <>
      <Table.Row data-testid={`rate-row-${index + 1}`}>
        <Table.Cell className="w-10">
          <Text size="small">{index + 1}</Text>
        </Table.Cell>
        <Table.Cell>
          <select
            aria-label={`Row ${index + 1} currency`}
            className="bg-ui-bg-field shadow-borders-base txt-compact-small h-8 rounded-md px-2"
            value={row.currency_code}
            onChange={(event) => onChange({ ...row, currency_code: event.target.value })}
          >
            <option value="">—</option>
            {currencies.map((currency) => (
              <option key={currency} value={currency}>
                {currency.toUpperCase()}
              </option>
            ))}
          </select>
        </Table.Cell>
        {FIELDS.map((field) => (
          <Table.Cell key={field.name}>
            <Input
              size="small"
              aria-label={`Row ${index + 1} ${field.label}`}
              aria-invalid={invalid(field.name)}
              placeholder={field.placeholder}
              value={row[field.name] as string}
              onChange={(event) => onChange({ ...row, [field.name]: event.target.value })}
            />
          </Table.Cell>
        ))}
        <Table.Cell className="w-10">
          <Button variant="transparent" size="small" aria-label={`Remove row ${index + 1}`} onClick={onRemove}>
            <Trash />
          </Button>
        </Table.Cell>
      </Table.Row>
      {problems.length > 0 && (
        <Table.Row>
          <td colSpan={8} className="px-6 pb-2">
            {problems.map((problem) => (
              <Text key={problem.message} size="small" className="text-ui-fg-error" role="alert">
                {problem.message}
              </Text>
            ))}
          </td>
        </Table.Row>
      )}
    </>
  )
}
