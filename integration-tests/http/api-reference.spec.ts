import { integrationSuites } from "../helpers/test-runner"
import { apiReferenceSuite } from "./suites/api-reference"

jest.setTimeout(120_000)

/** The reference of Tienda's own routes (/docs, /docs/openapi.json) against the running app, and their versions. */
integrationSuites({ "the API reference and versions": apiReferenceSuite })
