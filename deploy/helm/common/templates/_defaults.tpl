{{/*
The hardened defaults of every Área Cliente workload, written once.

A service chart's values.yaml holds only what differs (its component name, its Python module,
the services it calls, ...). "common.values" lays the chart's values over these defaults with
a deep merge that, unlike sprig's merge, keeps an explicit `false` or `0` from the chart.
*/}}
{{- define "common.defaults" -}}
# Set by every chart: the service name (also the Secret key of its database URL).
component: ""
# Python module run as `python -m <module> <args>`.
module: ""
# grpc: a gRPC service (native gRPC probes, migration Job); http: the gateway.
kind: grpc
args: [serve]
image:
  registry: ""
  # Defaults to clientarea-<component>.
  repository: ""
  # Defaults to global.image.tag, then the chart's appVersion.
  tag: ""
  digest: ""
  # A full reference (registry/repo:tag@digest) wins over the fields above (skaffold sets it).
  ref: ""
  pullPolicy: ""
replicas: 1
ports:
  grpc: 50051
  http: 8080
  metrics: 9101
# Other Área Cliente services this one calls over gRPC: sets <SVC>_ADDR, labels the pods so
# the callee's NetworkPolicy admits them, and opens the egress to the callee.
calls: []
# Backing services this one uses: each adds its environment and its egress rule.
uses:
  database: true
  broker: true
  redis: false
  keycloak: false
  smtp: false
  # identity: the data keys sealing TOTP seeds and signing keys (IDENTITY_DATA_KEYS).
  dataKeys: false
# Plain environment (values are rendered with tpl) and raw EnvVar entries.
env: {}
extraEnv: []
varDir: /var/lib/clientarea
migrations:
  enabled: true
  args: [migrate]
  backoffLimit: 6
  activeDeadlineSeconds: 900
  ttlSecondsAfterFinished: 86400
  # post-install: the in-cluster database of the dev profile exists by then;
  # pre-upgrade: the schema is migrated before new code rolls out.
  hook: post-install,pre-upgrade
  resources: {}
workers: {}
serviceAccount:
  create: true
  name: ""
  annotations: {}
podAnnotations: {}
podLabels: {}
podSecurityContext:
  runAsNonRoot: true
  runAsUser: 10001
  runAsGroup: 10001
  fsGroup: 10001
  seccompProfile:
    type: RuntimeDefault
securityContext:
  runAsNonRoot: true
  runAsUser: 10001
  runAsGroup: 10001
  allowPrivilegeEscalation: false
  privileged: false
  readOnlyRootFilesystem: true
  capabilities:
    drop: [ALL]
  seccompProfile:
    type: RuntimeDefault
resources:
  requests:
    cpu: 100m
    memory: 192Mi
  limits:
    cpu: "1"
    memory: 512Mi
tmpSizeLimit: 256Mi
varSizeLimit: 1Gi
# Files that must outlive the pod (crm's uploads, BLOB_DIR): a volume at `mountPath` (empty:
# none) on the service's Deployments (not its migration Job). enabled: a PersistentVolumeClaim
# <release>-<component>-data (or `existingClaim`), kept when the release is uninstalled; false: an
# emptyDir of `size` (throwaway installs: files are lost with the pod). Several replicas on
# several nodes need a ReadWriteMany storage class (or, later, the S3 blob store).
persistence:
  enabled: true
  mountPath: ""
  size: 10Gi
  storageClass: ""
  accessModes: [ReadWriteOnce]
  existingClaim: ""
probes:
  startup:
    periodSeconds: 5
    timeoutSeconds: 2
    failureThreshold: 36
  readiness:
    periodSeconds: 10
    timeoutSeconds: 2
    failureThreshold: 3
  liveness:
    periodSeconds: 20
    timeoutSeconds: 3
    failureThreshold: 3
  # gateway (kind http) paths
  livenessPath: /healthz
  readinessPath: /readyz
terminationGracePeriodSeconds: 30
autoscaling:
  enabled: false
  minReplicas: 2
  maxReplicas: 6
  targetCPUUtilizationPercentage: 70
  targetMemoryUtilizationPercentage: 0
pdb:
  enabled: true
  maxUnavailable: 1
networkPolicy:
  enabled: true
  # Peers allowed to reach the http port (kind http only).
  ingressFrom:
    - namespaceSelector:
        matchLabels:
          kubernetes.io/metadata.name: ingress-nginx
  extraIngress: []
  extraEgress: []
service:
  type: ClusterIP
  annotations: {}
serviceMonitor:
  enabled: false
  interval: 30s
  scrapeTimeout: 10s
  labels: {}
ingress:
  enabled: false
  className: ""
  annotations: {}
  hosts: []
  tls: []
nodeSelector: {}
tolerations: []
affinity: {}
topologySpread: true
global:
  image:
    registry: ""
    tag: ""
    pullPolicy: IfNotPresent
  imagePullSecrets: []
  logLevel: INFO
  otlpEndpoint: ""
  eventsExchange: clientarea.events
  token:
    issuer: clientarea-identity
    audience: clientarea
  identityProvider: builtin
  publicBaseUrl: http://localhost:8080
  database:
    secretName: clientarea-database
    port: 5432
  broker:
    secretName: clientarea-broker
    key: amqp-url
    port: 5672
  redis:
    secretName: clientarea-redis
    key: redis-url
    port: 6379
  keycloak:
    url: ""
    issuer: ""
    realm: clientarea
    clientId: clientarea-gateway
    adminClientId: clientarea-identity
    secretName: clientarea-keycloak
    key: client-secret
    adminKey: admin-client-secret
    port: 8080
  identityData:
    secretName: clientarea-identity-data
    key: keys
  smtp:
    host: ""
    port: 1025
    from: "Área Cliente <no-reply@clientarea.test>"
    starttls: false
    secretName: ""
  serviceMonitor:
    enabled: false
  networkPolicy:
    enabled: true
    monitoringFrom:
      - namespaceSelector:
          matchLabels:
            kubernetes.io/metadata.name: monitoring
    dns:
      - namespaceSelector:
          matchLabels:
            kubernetes.io/metadata.name: kube-system
        podSelector:
          matchLabels:
            k8s-app: kube-dns
    otlpPort: 4318
    peers:
      database: []
      broker: []
      redis: []
      keycloak: []
      smtp: []
      otlp: []
{{- end -}}

{{/* Fills in dst every key of src it lacks, recursing into maps; dst's own values win. */}}
{{- define "common.deepDefault" -}}
{{- $dst := .dst -}}
{{- range $key, $value := .src -}}
{{- if not (hasKey $dst $key) -}}
{{- $_ := set $dst $key $value -}}
{{- else if and (kindIs "map" $value) (kindIs "map" (index $dst $key)) -}}
{{- include "common.deepDefault" (dict "dst" (index $dst $key) "src" $value) -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* The chart's values over the defaults, as YAML: use `fromYaml (include "common.values" .)`. */}}
{{- define "common.values" -}}
{{- $values := deepCopy .Values -}}
{{- include "common.deepDefault" (dict "dst" $values "src" (fromYaml (include "common.defaults" .))) -}}
{{- if not $values.component -}}
{{- fail (printf "chart %s: values.component is required" .Chart.Name) -}}
{{- end -}}
{{- if not $values.module -}}
{{- fail (printf "chart %s: values.module is required" .Chart.Name) -}}
{{- end -}}
{{- toYaml $values -}}
{{- end -}}
