import { randomBytes } from "node:crypto"
import fs from "node:fs"
import fsp from "node:fs/promises"
import path from "node:path"
import type { Readable, Writable } from "node:stream"
import type { FileTypes } from "@medusajs/framework/types"
import { AbstractFileProviderService, MedusaError } from "@medusajs/framework/utils"
import { optionProblems, type ImmutableLocalFileOptions } from "./options"
import { decodeContent } from "./utils/file-content"
import { parseKey, privateKey, publicKey } from "./utils/file-keys"

/**
 * Medusa's File Module provider for files kept on this machine, named so that a URL never changes meaning: a
 * public file's key holds a hash of its content (utils/file-keys.ts), so the backend can serve it with
 * `Cache-Control: public, max-age=31536000, immutable` (src/api/static/[key]/) and a CDN can keep it for a year.
 *
 * What differs from Medusa's `file-local`: content-hashed names instead of `<Date.now()>-<name>`; one folder outside
 * `.medusa/server`, which `medusa build` wipes; every write lands under its key in one rename, so nobody (no CDN)
 * ever reads half a file; private files (exports) get unguessable names instead of a timestamp; file names are
 * reduced to one safe segment and keys from callers are checked against the grammar before any path is built.
 */
export class ImmutableLocalFileProviderService extends AbstractFileProviderService {
  static identifier = "local-immutable"

  static validateOptions(options: Record<string, unknown>): void {
    const problems = optionProblems(options)
    if (problems.length > 0) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `File provider local-immutable: ${problems.join("; ")}`)
    }
  }

  protected readonly dir_: string
  protected readonly publicUrl_: string
  private ready_?: Promise<void>

  constructor(_container: Record<string, unknown>, options: ImmutableLocalFileOptions) {
    super()
    this.dir_ = path.resolve(options.uploadDir)
    this.publicUrl_ = options.publicUrl.replace(/\/+$/, "")
  }

  async upload(file: FileTypes.ProviderUploadFileDTO): Promise<FileTypes.ProviderFileResultDTO> {
    if (!file?.filename) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "No filename provided")
    }
    const bytes = decodeContent(file.content ?? "", file.mimeType)
    const key =
      file.access === "public"
        ? publicKey(file.filename, file.mimeType, bytes)
        : privateKey(file.filename, file.mimeType)
    const target = this.pathOf(key)
    // A public key names its bytes: when the file is there, it already holds exactly these.
    if (file.access !== "public" || !(await exists(target))) {
      await this.ensureDir()
      const temporary = this.temporaryPath()
      await fsp.writeFile(temporary, bytes, { flag: "wx", mode: 0o644 })
      await fsp.rename(temporary, target)
    }
    return { key, url: this.urlOf(key) }
  }

  /**
   * Medusa streams its exports (products, orders, inventory) and needs the key before the first byte: such files
   * get a random private key, and appear under it once the stream has ended.
   */
  async getUploadStream(fileData: FileTypes.ProviderUploadStreamDTO): Promise<{
    writeStream: Writable
    promise: Promise<FileTypes.ProviderFileResultDTO>
    url: string
    fileKey: string
  }> {
    if (!fileData?.filename) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "No filename provided")
    }
    await this.ensureDir()
    const key = privateKey(fileData.filename, fileData.mimeType)
    const target = this.pathOf(key)
    const temporary = this.temporaryPath()
    const writeStream = fs.createWriteStream(temporary, { flags: "wx", mode: 0o644 })
    const url = this.urlOf(key)
    const promise = new Promise<FileTypes.ProviderFileResultDTO>((resolve, reject) => {
      writeStream.once("error", (error) => {
        fsp.rm(temporary, { force: true }).then(() => reject(error), reject)
      })
      writeStream.once("finish", () => {
        fsp.rename(temporary, target).then(() => resolve({ key, url }), reject)
      })
    })
    return { writeStream, promise, url, fileKey: key }
  }

  async delete(files: FileTypes.ProviderDeleteFileDTO | FileTypes.ProviderDeleteFileDTO[]): Promise<void> {
    const targets = (Array.isArray(files) ? files : [files]).map((file) => this.pathOf(file.fileKey))
    // A public file is shared by every upload of the same bytes and name: deleting it removes it for all of them.
    await Promise.all(targets.map((target) => fsp.rm(target, { force: true })))
  }

  async getPresignedDownloadUrl(fileData: FileTypes.ProviderGetFileDTO): Promise<string> {
    const target = this.pathOf(fileData.fileKey)
    if (!(await exists(target))) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `File with key ${fileData.fileKey} not found`)
    }
    return this.urlOf(fileData.fileKey)
  }

  async getPresignedUploadUrl(
    fileData: FileTypes.ProviderGetPresignedUploadUrlDTO
  ): Promise<FileTypes.ProviderFileResultDTO> {
    // As Medusa's local provider: no presigned uploads here, the dashboard posts the file to the backend.
    return { url: "/admin/uploads", key: fileData.filename }
  }

  async getDownloadStream(fileData: FileTypes.ProviderGetFileDTO): Promise<Readable> {
    const target = this.pathOf(fileData.fileKey)
    if (!(await exists(target))) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `File with key ${fileData.fileKey} not found`)
    }
    return fs.createReadStream(target)
  }

  async getAsBuffer(fileData: FileTypes.ProviderGetFileDTO): Promise<Buffer> {
    const target = this.pathOf(fileData.fileKey)
    return fsp.readFile(target).catch((error: NodeJS.ErrnoException) => {
      throw error.code === "ENOENT"
        ? new MedusaError(MedusaError.Types.NOT_FOUND, `File with key ${fileData.fileKey} not found`)
        : error
    })
  }

  /** Where a key lives; a key this provider would never have made (a path, `..`) is refused before any I/O. */
  private pathOf(key: string): string {
    if (!parseKey(key)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Not a stored file key: ${JSON.stringify(key)}`)
    }
    return path.join(this.dir_, key)
  }

  private urlOf(key: string): string {
    return `${this.publicUrl_}/${key}`
  }

  /** A name in the same folder (so the rename is atomic) that no key can take: it starts with a dot. */
  private temporaryPath(): string {
    return path.join(this.dir_, `.upload-${randomBytes(8).toString("hex")}.tmp`)
  }

  private ensureDir(): Promise<void> {
    this.ready_ ??= fsp.mkdir(this.dir_, { recursive: true }).then(
      () => undefined,
      (error: Error) => {
        this.ready_ = undefined
        throw error
      }
    )
    return this.ready_
  }
}

async function exists(target: string): Promise<boolean> {
  return fsp.stat(target).then(
    (stat) => stat.isFile(),
    () => false
  )
}
