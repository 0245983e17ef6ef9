// Where the host collector looks (pure constants, shared with the host checks).

export const UNIT_DIRS = ['/etc/systemd/system', '/lib/systemd/system', '/usr/lib/systemd/system'] as const;
export const UNITS = ['docker.service', 'docker.socket', 'containerd.service'] as const;
export const BINARY_DIRS = ['/usr/bin', '/usr/sbin', '/usr/local/bin'] as const;
export const BINARIES = [
  'dockerd',
  'containerd',
  'containerd-shim',
  'containerd-shim-runc-v1',
  'containerd-shim-runc-v2',
  'runc',
] as const;
export const FIXED_PATHS = [
  '/etc/docker',
  '/etc/docker/certs.d',
  '/etc/default/docker',
  '/etc/sysconfig/docker',
  '/etc/containerd/config.toml',
  '/run/containerd',
  '/run/containerd/containerd.sock',
] as const;
export const ENV_FILES = ['/etc/default/docker', '/etc/sysconfig/docker'] as const;
export const SYSCTLS = [
  'net.ipv4.ip_forward',
  'net.ipv4.conf.all.route_localnet',
  'kernel.unprivileged_userns_clone',
  'user.max_user_namespaces',
] as const;
export const ENV_KEYS = [
  'DOCKER_CONTENT_TRUST',
  'DOCKER_HOST',
  'DOCKER_TLS_VERIFY',
  'DOCKER_CERT_PATH',
] as const;
