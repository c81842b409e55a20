// Kept out of the HTML so the docs page works under a CSP without 'unsafe-inline'.
window.SwaggerUIBundle({ url: "/api/v1/openapi.yaml", dom_id: "#swagger-ui" });
