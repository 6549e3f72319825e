/**
 * A network protocol a policy rule can name (`ports[].protocol`).
 *
 * The library's own enum, so that a `Port` does not tie its users to one cdk8s-plus version.
 *
 * @see https://kubernetes.io/docs/reference/networking/ports-and-protocols/
 */
export enum Protocol {
  /** TCP, Kubernetes' default. */
  TCP = 'TCP',
  /** UDP. */
  UDP = 'UDP',
  /** SCTP (on by default since Kubernetes 1.20). */
  SCTP = 'SCTP',
}
