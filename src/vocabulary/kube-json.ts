/*
 * The parts of a NetworkPolicy manifest the vocabulary renders, as plain JSON types: the library's
 * own, so its declarations name no cdk8s-plus version. They match the Kubernetes API's field names.
 */
import { LabelSelectorRequirement } from './label-expression';

/** A label selector (`podSelector`, `namespaceSelector`); `{}` selects everything. */
export interface LabelSelectorJson {
  readonly matchLabels?: { [key: string]: string };
  readonly matchExpressions?: LabelSelectorRequirement[];
}

/** An `ipBlock` peer's range. */
export interface IpBlockJson {
  readonly cidr: string;
  readonly except?: string[];
}

/** One entry of a rule's `from` or `to`. */
export interface PeerJson {
  readonly podSelector?: LabelSelectorJson;
  readonly namespaceSelector?: LabelSelectorJson;
  readonly ipBlock?: IpBlockJson;
}
