import type { PortQuery } from '../analysis/explain';
import { PROTOCOLS, type Protocol } from '../analysis/model';

/**
 * The port asked about by `explain --port`, `isAllowed(…, port)` and the jest matchers.
 * It reads `8080`, `8080/TCP`, `53/udp` or `9000/SCTP`: the protocol defaults to TCP, as in a
 * NetworkPolicy. Throws an Error saying what is accepted.
 */
export function parsePortQuery(text: string): PortQuery {
  const match = /^(\d{1,5})(?:\/([a-z]+))?$/i.exec(text.trim());
  const port = Number(match?.[1]);
  const protocol = (match?.[2] ?? 'TCP').toUpperCase() as Protocol;
  if (!match || port < 1 || port > 65535 || !PROTOCOLS.includes(protocol)) {
    throw new Error(`invalid port '${text}': expected a port 1-65535, optionally with a protocol (${PROTOCOLS.join(', ')}), e.g. 8080 or 53/UDP`);
  }
  return { protocol, port };
}
