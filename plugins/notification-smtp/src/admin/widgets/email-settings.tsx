import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { Badge, Button, Container, Heading, Input, Label, Text, toast } from "@medusajs/ui"
import { useEffect, useState } from "react"
import {
  EMAIL_SETTING_FIELDS,
  type EmailSettingName,
  type EmailSettings,
  hintFor,
  loadEmailSettings,
  saveEmailSettings,
  toForm,
} from "../lib/email-settings"

const Swatch = ({ color }: { color: string }) => (
  <span className="inline-block h-4 w-4 rounded border border-ui-border-base" style={{ background: color }} />
)

/** Settings → Store: the logo and colour of the shop's emails and where new-order alerts go. */
const EmailSettingsWidget = () => {
  const [settings, setSettings] = useState<EmailSettings | null>(null)
  const [form, setForm] = useState<Record<EmailSettingName, string> | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)

  useEffect(() => {
    loadEmailSettings().then(setSettings, (e: Error) => setError(e.message))
  }, [])

  const save = async () => {
    if (!form) {
      return
    }
    setSaving(true)
    try {
      setSettings(await saveEmailSettings(form))
      setForm(null)
      setError(null)
      toast.success("Email settings saved")
    } catch (e) {
      setError((e as Error).message)
    } finally {
      setSaving(false)
    }
  }

  const cancel = () => {
    setForm(null)
    setError(null)
  }

  return (
    <Container className="divide-y p-0" data-testid="email-settings-widget">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h2">Emails</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            The logo and colour of the shop's emails, and who gets an email for each new order. Empty: the default.
          </Text>
        </div>
        {settings && !form && (
          <Button size="small" variant="secondary" onClick={() => setForm(toForm(settings))}>
            Edit
          </Button>
        )}
      </div>
      {settings &&
        !form &&
        EMAIL_SETTING_FIELDS.map(({ name, label }) => (
          <div key={name} className="grid grid-cols-2 items-center px-6 py-4" data-testid={`email-setting-${name}`}>
            <Text size="small" weight="plus">
              {label}
            </Text>
            <div className="flex items-center gap-2">
              {name === "brand_color" && <Swatch color={settings.brand_color} />}
              <Text size="small" className="break-all">
                {settings[name] ?? "—"}
              </Text>
              {settings[name] === settings.defaults[name] && (
                <Badge size="2xsmall" color="grey">
                  default
                </Badge>
              )}
            </div>
          </div>
        ))}
      {settings && form && (
        <div className="flex flex-col gap-y-4 px-6 py-4">
          {EMAIL_SETTING_FIELDS.map(({ name, label, placeholder }) => {
            const hint = hintFor(name, form[name])
            return (
              <div key={name} className="flex flex-col gap-y-1">
                <Label size="small" htmlFor={`email-setting-${name}`}>
                  {label}
                </Label>
                <div className="flex max-w-lg items-center gap-2">
                  <div className="flex-1">
                    <Input
                      id={`email-setting-${name}`}
                      size="small"
                      value={form[name]}
                      placeholder={settings.defaults[name] ?? placeholder}
                      aria-invalid={hint !== null}
                      onChange={(e) => setForm({ ...form, [name]: e.target.value })}
                    />
                  </div>
                  {name === "brand_color" && !hint && (
                    <Swatch color={form[name].trim() || settings.defaults.brand_color} />
                  )}
                </div>
                <Text size="small" className={hint ? "text-ui-fg-error" : "text-ui-fg-subtle"}>
                  {hint ?? (settings.defaults[name] ? `Empty: the default, ${settings.defaults[name]}` : "Empty: none")}
                </Text>
              </div>
            )
          })}
          {error && (
            <Text size="small" className="text-ui-fg-error" role="alert">
              {error}
            </Text>
          )}
          <div className="flex justify-end gap-2">
            <Button size="small" variant="secondary" onClick={cancel}>
              Cancel
            </Button>
            <Button size="small" isLoading={saving} onClick={save}>
              Save
            </Button>
          </div>
        </div>
      )}
      {!settings && error && (
        <Text size="small" className="px-6 py-4 text-ui-fg-error" role="alert">
          {error}
        </Text>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "store.details.after" })

export default EmailSettingsWidget
