import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ArchiveBox } from "@medusajs/icons"
import { Container, Heading, Text } from "@medusajs/ui"
import { BackupStatusCard } from "../../../components/backup-status-card"
import { BackupTable } from "../../../components/backup-table"

/** Settings → Backups: whether the shop is backed up, and the backups there are to restore from. */
const BackupsPage = () => (
  <Container className="divide-y p-0">
    <div className="px-6 py-4">
      <Heading level="h1">Backups</Heading>
      <Text size="small" className="text-ui-fg-subtle">
        To restore one, stop the shop and run <code>npx tienda restore &lt;backups folder&gt;/&lt;folder&gt;</code> in
        the project folder (README, "Backups and recovery").
      </Text>
    </div>
    <BackupStatusCard />
    <BackupTable />
  </Container>
)

export const config = defineRouteConfig({ label: "Backups", icon: ArchiveBox })

export default BackupsPage
