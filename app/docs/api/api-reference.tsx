"use client";
// The interactive reference, rendered by swagger-ui from our own bundle (nothing from another host).
import SwaggerUI from "swagger-ui-react";
import "swagger-ui-react/swagger-ui.css";

export function ApiReference() {
  return <SwaggerUI url="/api/openapi.json" deepLinking tryItOutEnabled={false} />;
}
