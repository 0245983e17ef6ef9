export interface NetworkFacts {
  id: string;
  name: string;
  driver: string;
  scope: string;
  internal: boolean;
  attachable: boolean;
  ingress: boolean;
  enableIPv6: boolean;
  options: Record<string, string>;
  labels: Record<string, string>;
  subnets: string[];
  /** Container ids attached (local networks). */
  containers: string[];
}
