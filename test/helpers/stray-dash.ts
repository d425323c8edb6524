/**
 * The classic stray dash: `ports` written as an ingress rule of its own instead of under `from`,
 * so api accepts TCP 8080 from anywhere (lint/ports-only-rule). One copy for the lint unit test,
 * the CLI test and the browser journey; the ports-only rule's `- ports:` is line 14.
 */
export const STRAY_DASH_POLICY = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: api-allow
spec:
  podSelector:
    matchLabels:
      app: api
  ingress:
  - from:
    - podSelector:
        matchLabels:
          app: frontend
  - ports:
    - port: 8080
`;
