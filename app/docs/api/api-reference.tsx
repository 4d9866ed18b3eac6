"use client";
// The interactive reference, rendered by Scalar from our own bundle: no fonts, proxy, telemetry or
// agent from Scalar's hosts, and "Test Request" calls this origin with the key the reader enters.
import { ApiReferenceReact } from "@scalar/api-reference-react";
import "@scalar/api-reference-react/style.css";
import "./api-reference.css";

// module scope: a new object each render would make the wrapper re-apply the configuration
const configuration = {
  url: "/api/openapi.json",
  withDefaultFonts: false,
  telemetry: false,
  agent: { disabled: true },
  showDeveloperTools: "never",
  hideClientButton: true,
  hideDarkModeToggle: true,
  forceDarkModeState: "light",
  documentDownloadType: "json",
  persistAuth: false,
  authentication: { preferredSecurityScheme: "bearer" },
} as const;

export function ApiReference() {
  return <ApiReferenceReact configuration={configuration} />;
}
