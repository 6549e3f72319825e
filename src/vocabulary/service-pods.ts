import type { PodSelector } from './pod-selector';
import type { Service } from './service';

/** The Service whose `pods` each selector is: a connection to them on a Service port is the classic mistake. */
const services = new WeakMap<PodSelector, Service>();

/** Records that `pods` is `service.pods`. */
export function registerServicePods(pods: PodSelector, service: Service): void {
  services.set(pods, service);
}

/** The Service whose `pods` this selector is, if any. */
export function serviceOfPods(pods: PodSelector): Service | undefined {
  return services.get(pods);
}
