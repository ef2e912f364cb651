{{/* Helpers of the dev-profile backing services (the services use the common library). */}}

{{- define "clientarea.name" -}}
{{- printf "%s-%s" .root.Release.Name .name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "clientarea.selectorLabels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{- define "clientarea.labels" -}}
{{ include "clientarea.selectorLabels" . }}
app.kubernetes.io/part-of: clientarea
app.kubernetes.io/component: dev-backing-service
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version }}
{{- end -}}

{{/* Pod securityContext of a dev backing service running as .uid. */}}
{{- define "clientarea.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: {{ .uid | int }}
runAsGroup: {{ .uid | int }}
fsGroup: {{ .uid | int }}
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{- define "clientarea.containerSecurityContext" -}}
runAsNonRoot: true
runAsUser: {{ .uid | int }}
runAsGroup: {{ .uid | int }}
allowPrivilegeEscalation: false
privileged: false
readOnlyRootFilesystem: true
capabilities:
  drop: [ALL]
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{/*
The services whose chart is a dependency of this one and that use a database:
a YAML list of their component names (the database, role and Secret key are named after it).
*/}}
{{- define "clientarea.databaseServices" -}}
{{- $root := . -}}
{{- $names := list -}}
{{- range .Chart.Dependencies -}}
{{- $sv := index $root.Values .Name | default dict -}}
{{- if and (kindIs "map" $sv) $sv.component (ne (toString $sv.enabled) "false") -}}
{{- $uses := $sv.uses | default dict -}}
{{- if or (not (hasKey $uses "database")) $uses.database -}}
{{- $names = append $names $sv.component -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- toYaml $names -}}
{{- end -}}

{{/* Ingress-only NetworkPolicy of a dev backing service: reachable from this release's pods. */}}
{{- define "clientarea.devNetworkPolicy" -}}
{{- if .root.Values.global.networkPolicy.enabled }}
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: {{ include "clientarea.name" . }}
  labels:
    {{- include "clientarea.labels" . | nindent 4 }}
spec:
  podSelector:
    matchLabels:
      {{- include "clientarea.selectorLabels" . | nindent 6 }}
  policyTypes: [Ingress]
  ingress:
    - from:
        - podSelector:
            matchLabels:
              app.kubernetes.io/instance: {{ .root.Release.Name }}
              app.kubernetes.io/part-of: clientarea
      ports:
        {{- range .ports }}
        - port: {{ . | int }}
          protocol: TCP
        {{- end }}
{{- end }}
{{- end -}}
