/** Small manifests the hostile-input tests build their cases from. */

export const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: nginx
`;

/** A NetworkPolicy in `shop` named `web` with this `spec` body (YAML, indented by two). */
export function networkPolicy(spec: string): string {
  return `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: web
  namespace: shop
spec:
${spec}`;
}
