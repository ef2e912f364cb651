{{/*
Names, labels, image reference, environment and pod spec shared by every workload.
Helpers that need the merged values take a dict: (dict "root" $ "v" $values ...).
*/}}

{{/* <release>-<name>, cut to 63 characters. Takes (dict "root" $ "name" "crm"). */}}
{{- define "common.nameFor" -}}
{{- printf "%s-%s" .root.Release.Name .name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "common.fullname" -}}
{{- include "common.nameFor" (dict "root" .root "name" .v.component) -}}
{{- end -}}

{{- define "common.serviceAccountName" -}}
{{- if .v.serviceAccount.name -}}
{{- .v.serviceAccount.name -}}
{{- else if .v.serviceAccount.create -}}
{{- include "common.fullname" . -}}
{{- else -}}
default
{{- end -}}
{{- end -}}

{{/* Labels that select one workload's pods. Takes (dict "root" "v" "workload"). */}}
{{- define "common.selectorLabels" -}}
app.kubernetes.io/name: {{ .v.component }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .workload | default "server" }}
{{- end -}}

{{- define "common.labels" -}}
{{ include "common.selectorLabels" . }}
app.kubernetes.io/part-of: clientarea
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | default .root.Chart.Version | quote }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version | replace "+" "_" | trunc 63 }}
{{- end -}}

{{/* Labels of every pod: whom it calls, so each callee's NetworkPolicy can admit it. */}}
{{- define "common.podLabels" -}}
{{ include "common.labels" . }}
{{- range .v.calls }}
calls.clientarea.io/{{ . }}: "true"
{{- end }}
{{- with .v.podLabels }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{- define "common.image" -}}
{{- $img := .v.image -}}
{{- if $img.ref -}}
{{- $img.ref -}}
{{- else -}}
{{- $registry := $img.registry | default .v.global.image.registry -}}
{{- $repository := $img.repository | default (printf "clientarea-%s" .v.component) -}}
{{- $name := ternary (printf "%s/%s" (trimSuffix "/" $registry) $repository) $repository (ne $registry "") -}}
{{- if $img.digest -}}
{{- printf "%s@%s" $name $img.digest -}}
{{- else -}}
{{- printf "%s:%s" $name (toString ($img.tag | default .v.global.image.tag | default .root.Chart.AppVersion)) -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "common.secretName" -}}
{{- tpl (toString .name) .root -}}
{{- end -}}

{{- define "common.keycloakUrl" -}}
{{- if .v.global.keycloak.url -}}
{{- .v.global.keycloak.url -}}
{{- else -}}
{{- printf "http://%s:%v" (include "common.nameFor" (dict "root" .root "name" "keycloak")) .v.global.keycloak.port -}}
{{- end -}}
{{- end -}}

{{/* The `iss` of the realm's tokens (global.keycloak.issuer, or <url>/realms/<realm>). */}}
{{- define "common.keycloakIssuer" -}}
{{- $kc := .v.global.keycloak -}}
{{- $kc.issuer | default (printf "%s/realms/%s" (include "common.keycloakUrl" . | trimSuffix "/") $kc.realm) -}}
{{- end -}}

{{/* Whether the pods talk to Keycloak: its credentials (uses.keycloak), or its keys (every
service when global.identityProvider is keycloak). */}}
{{- define "common.reachesKeycloak" -}}
{{- if or .v.uses.keycloak (eq .v.global.identityProvider "keycloak") -}}true{{- end -}}
{{- end -}}

{{- define "common.smtpHost" -}}
{{- .v.global.smtp.host | default (include "common.nameFor" (dict "root" .root "name" "mailpit")) -}}
{{- end -}}

{{/*
The environment of every container of a service (server, workers, migration Job): the
variables of clientarea_shared.config.Settings, the backing services it uses, and its own.
Takes (dict "root" "v" "workloadEnv").
*/}}
{{- define "common.env" -}}
{{- $root := .root -}}
{{- $v := .v -}}
{{- $g := $v.global -}}
- name: OTEL_SERVICE_NAME
  value: {{ $v.component | quote }}
- name: LOG_LEVEL
  value: {{ $g.logLevel | quote }}
- name: VAR_DIR
  value: {{ $v.varDir | quote }}
- name: PYTHONDONTWRITEBYTECODE
  value: "1"
{{- if eq $v.kind "grpc" }}
- name: GRPC_PORT
  value: {{ $v.ports.grpc | int | quote }}
{{- else }}
- name: PORT
  value: {{ $v.ports.http | int | quote }}
{{- end }}
{{- /* Metrics on a port of their own, never on the public one (the gateway's is behind the Ingress). */}}
- name: METRICS_PORT
  value: {{ $v.ports.metrics | int | quote }}
- name: PUBLIC_BASE_URL
  value: {{ $g.publicBaseUrl | quote }}
- name: EVENTS_EXCHANGE
  value: {{ $g.eventsExchange | quote }}
- name: TOKEN_ISSUER
  value: {{ $g.token.issuer | quote }}
- name: TOKEN_AUDIENCE
  value: {{ $g.token.audience | quote }}
{{- if eq $g.identityProvider "keycloak" }}
{{- /* Keycloak's tokens too (docs/keycloak.md): its realm as issuer, its keys fetched in-cluster, and
identity's user id in preferred_username (the realm's `sub` is Keycloak's own id). */}}
- name: OIDC_ISSUER
  value: {{ include "common.keycloakIssuer" . | quote }}
- name: OIDC_JWKS_URL
  value: {{ printf "%s/realms/%s/protocol/openid-connect/certs" (include "common.keycloakUrl" . | trimSuffix "/") $g.keycloak.realm | quote }}
- name: OIDC_SUBJECT_CLAIM
  value: "preferred_username"
{{- end }}
{{- if $g.otlpEndpoint }}
- name: OTEL_EXPORTER_OTLP_ENDPOINT
  value: {{ $g.otlpEndpoint | quote }}
{{- end }}
{{- range $v.calls }}
- name: {{ printf "%s_ADDR" (upper .) }}
  value: {{ printf "%s:%d" (include "common.nameFor" (dict "root" $root "name" .)) ($v.ports.grpc | int) | quote }}
{{- end }}
{{- if $v.uses.database }}
- name: DATABASE_URL
  valueFrom:
    secretKeyRef:
      name: {{ include "common.secretName" (dict "root" $root "name" $g.database.secretName) }}
      key: {{ $v.component }}
{{- end }}
{{- if $v.uses.broker }}
- name: AMQP_URL
  valueFrom:
    secretKeyRef:
      name: {{ include "common.secretName" (dict "root" $root "name" $g.broker.secretName) }}
      key: {{ $g.broker.key }}
{{- end }}
{{- if $v.uses.redis }}
- name: REDIS_URL
  valueFrom:
    secretKeyRef:
      name: {{ include "common.secretName" (dict "root" $root "name" $g.redis.secretName) }}
      key: {{ $g.redis.key }}
{{- end }}
{{- if $v.uses.keycloak }}
- name: KEYCLOAK_URL
  value: {{ include "common.keycloakUrl" . | quote }}
- name: KEYCLOAK_REALM
  value: {{ $g.keycloak.realm | quote }}
- name: KEYCLOAK_CLIENT_ID
  value: {{ $g.keycloak.clientId | quote }}
- name: KEYCLOAK_CLIENT_SECRET
  valueFrom:
    secretKeyRef:
      name: {{ include "common.secretName" (dict "root" $root "name" $g.keycloak.secretName) }}
      key: {{ $g.keycloak.key }}
{{- if eq $g.identityProvider "keycloak" }}
- name: CREDENTIAL_PROVIDER
  value: "keycloak"
- name: KEYCLOAK_ADMIN_CLIENT_ID
  value: {{ $g.keycloak.adminClientId | quote }}
- name: KEYCLOAK_ADMIN_CLIENT_SECRET
  valueFrom:
    secretKeyRef:
      name: {{ include "common.secretName" (dict "root" $root "name" $g.keycloak.secretName) }}
      key: {{ $g.keycloak.adminKey }}
{{- end }}
{{- end }}
{{- if $v.uses.dataKeys }}
- name: IDENTITY_DATA_KEYS
  valueFrom:
    secretKeyRef:
      name: {{ include "common.secretName" (dict "root" $root "name" $g.identityData.secretName) }}
      key: {{ $g.identityData.key }}
{{- end }}
{{- if $v.uses.smtp }}
- name: SMTP_HOST
  value: {{ include "common.smtpHost" . | quote }}
- name: SMTP_PORT
  value: {{ $g.smtp.port | int | quote }}
- name: SMTP_FROM
  value: {{ $g.smtp.from | quote }}
- name: MAIL_FROM
  value: {{ $g.smtp.from | quote }}
- name: SMTP_STARTTLS
  value: {{ $g.smtp.starttls | toString | quote }}
{{- if $g.smtp.secretName }}
- name: SMTP_USERNAME
  valueFrom:
    secretKeyRef:
      name: {{ include "common.secretName" (dict "root" $root "name" $g.smtp.secretName) }}
      key: username
- name: SMTP_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ include "common.secretName" (dict "root" $root "name" $g.smtp.secretName) }}
      key: password
{{- end }}
{{- end }}
{{- $env := merge (dict) (.workloadEnv | default dict) $v.env -}}
{{- range $name := keys $env | sortAlpha }}
- name: {{ $name }}
  value: {{ tpl (toString (index $env $name)) $root | quote }}
{{- end }}
{{- with $v.extraEnv }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{/* /tmp and VAR_DIR: the only writable paths under a read-only root filesystem. */}}
{{- define "common.volumeMounts" -}}
- name: tmp
  mountPath: /tmp
- name: var
  mountPath: {{ .v.varDir }}
{{- if include "common.hasData" . }}
- name: data
  mountPath: {{ .v.persistence.mountPath }}
{{- end }}
{{- end -}}

{{- define "common.volumes" -}}
- name: tmp
  emptyDir:
    sizeLimit: {{ .v.tmpSizeLimit }}
- name: var
  emptyDir:
    sizeLimit: {{ .v.varSizeLimit }}
{{- if include "common.hasData" . }}
- name: data
  {{- if .v.persistence.enabled }}
  persistentVolumeClaim:
    claimName: {{ include "common.dataClaimName" . }}
  {{- else }}
  emptyDir:
    sizeLimit: {{ .v.persistence.size }}
  {{- end }}
{{- end }}
{{- end -}}

{{/* "true" when the workload mounts the persistent files volume: the service's Deployments, not
the migration Job (a ReadWriteOnce claim would hold the Job on the pods' node, and migrations
never touch files). */}}
{{- define "common.hasData" -}}
{{- if and .v.persistence.mountPath (ne (.workload | default "") "migrate") -}}true{{- end -}}
{{- end -}}

{{- define "common.dataClaimName" -}}
{{- .v.persistence.existingClaim | default (printf "%s-data" (include "common.fullname" .)) -}}
{{- end -}}

{{/* The claim of the persistent files volume, unless an existing claim is named. */}}
{{- define "common.persistentVolumeClaim" -}}
{{- $v := fromYaml (include "common.values" .) -}}
{{- $ctx := dict "root" . "v" $v -}}
{{- $p := $v.persistence -}}
{{- if and $p.mountPath $p.enabled (not $p.existingClaim) }}
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: {{ include "common.dataClaimName" $ctx }}
  labels:
    {{- include "common.labels" $ctx | nindent 4 }}
  annotations:
    # Uninstalling the release never deletes the firms' files.
    helm.sh/resource-policy: keep
spec:
  accessModes:
    {{- toYaml $p.accessModes | nindent 4 }}
  {{- with $p.storageClass }}
  storageClassName: {{ . | quote }}
  {{- end }}
  resources:
    requests:
      storage: {{ $p.size }}
{{- end }}
{{- end -}}

{{/* Pod-level settings shared by Deployments and the migration Job. */}}
{{- define "common.podCommon" -}}
serviceAccountName: {{ include "common.serviceAccountName" . }}
automountServiceAccountToken: false
securityContext:
  {{- toYaml .v.podSecurityContext | nindent 2 }}
{{- with .v.global.imagePullSecrets }}
imagePullSecrets:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .v.nodeSelector }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .v.tolerations }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .v.affinity }}
affinity:
  {{- toYaml . | nindent 2 }}
{{- end }}
volumes:
  {{- include "common.volumes" . | nindent 2 }}
{{- end -}}

{{/* The probes of the serving container: native gRPC, or HTTP for the gateway. */}}
{{- define "common.probes" -}}
{{- $p := .v.probes -}}
{{- if eq .v.kind "grpc" }}
startupProbe:
  grpc:
    port: {{ .v.ports.grpc | int }}
  {{- toYaml $p.startup | nindent 2 }}
readinessProbe:
  grpc:
    port: {{ .v.ports.grpc | int }}
  {{- toYaml $p.readiness | nindent 2 }}
{{- /* Liveness asks only whether the process answers: the gRPC health status follows the
database and the broker, and restarting pods does not bring those back. */}}
livenessProbe:
  httpGet:
    path: /metrics
    port: metrics
  {{- toYaml $p.liveness | nindent 2 }}
{{- else }}
startupProbe:
  httpGet:
    path: {{ $p.livenessPath }}
    port: http
  {{- toYaml $p.startup | nindent 2 }}
readinessProbe:
  httpGet:
    path: {{ $p.readinessPath }}
    port: http
  {{- toYaml $p.readiness | nindent 2 }}
livenessProbe:
  httpGet:
    path: {{ $p.livenessPath }}
    port: http
  {{- toYaml $p.liveness | nindent 2 }}
{{- end }}
{{- end -}}

{{- define "common.containerPorts" -}}
{{- if eq .v.kind "grpc" }}
- name: grpc
  containerPort: {{ .v.ports.grpc | int }}
  protocol: TCP
- name: metrics
  containerPort: {{ .v.ports.metrics | int }}
  protocol: TCP
{{- else }}
- name: http
  containerPort: {{ .v.ports.http | int }}
  protocol: TCP
- name: metrics
  containerPort: {{ .v.ports.metrics | int }}
  protocol: TCP
{{- end }}
{{- end -}}
