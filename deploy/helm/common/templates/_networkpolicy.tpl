{{/*
One NetworkPolicy per service, over all its pods (server, workers, migration Job).
Ingress: the gRPC port only from pods labelled calls.clientarea.io/<component> (set on the
pods of every service whose `calls` names this one), the http port (gateway) only from
networkPolicy.ingressFrom, metrics only from global.networkPolicy.monitoringFrom.
Egress: DNS, the services it calls, and the backing services it uses, each on its port only
and to the peers given in global.networkPolicy.peers (empty list: any address on that port).
*/}}
{{- define "common.egressRule" -}}
- ports:
    - port: {{ .port | int }}
      protocol: TCP
  {{- with .peers }}
  to:
    {{- toYaml . | nindent 4 }}
  {{- end }}
{{- end -}}

{{- define "common.networkPolicy" -}}
{{- $v := fromYaml (include "common.values" .) -}}
{{- $root := . -}}
{{- $ctx := dict "root" . "v" $v -}}
{{- $g := $v.global -}}
{{- $peers := $g.networkPolicy.peers -}}
{{- if and $v.networkPolicy.enabled $g.networkPolicy.enabled }}
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: {{ include "common.fullname" $ctx }}
  labels:
    {{- include "common.labels" $ctx | nindent 4 }}
spec:
  podSelector:
    matchLabels:
      app.kubernetes.io/name: {{ $v.component }}
      app.kubernetes.io/instance: {{ .Release.Name }}
  policyTypes: [Ingress, Egress]
  ingress:
    {{- if eq $v.kind "grpc" }}
    - from:
        - podSelector:
            matchExpressions:
              - key: calls.clientarea.io/{{ $v.component }}
                operator: In
                values: ["true"]
      ports:
        - port: {{ $v.ports.grpc | int }}
          protocol: TCP
    - ports:
        - port: {{ $v.ports.metrics | int }}
          protocol: TCP
      {{- with $g.networkPolicy.monitoringFrom }}
      from:
        {{- toYaml . | nindent 8 }}
      {{- end }}
    {{- else }}
    - ports:
        - port: {{ $v.ports.http | int }}
          protocol: TCP
      {{- with $v.networkPolicy.ingressFrom }}
      from:
        {{- toYaml . | nindent 8 }}
      {{- end }}
    - ports:
        - port: {{ $v.ports.metrics | int }}
          protocol: TCP
      {{- with $g.networkPolicy.monitoringFrom }}
      from:
        {{- toYaml . | nindent 8 }}
      {{- end }}
    {{- end }}
    {{- with $v.networkPolicy.extraIngress }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
  egress:
    - ports:
        - port: 53
          protocol: UDP
        - port: 53
          protocol: TCP
      {{- with $g.networkPolicy.dns }}
      to:
        {{- toYaml . | nindent 8 }}
      {{- end }}
    {{- range $v.calls }}
    - to:
        - podSelector:
            matchLabels:
              app.kubernetes.io/name: {{ . }}
              app.kubernetes.io/instance: {{ $root.Release.Name }}
              app.kubernetes.io/component: server
      ports:
        - port: {{ $v.ports.grpc | int }}
          protocol: TCP
    {{- end }}
    {{- if $v.uses.database }}
    {{- include "common.egressRule" (dict "port" $g.database.port "peers" $peers.database) | nindent 4 }}
    {{- end }}
    {{- if $v.uses.broker }}
    {{- include "common.egressRule" (dict "port" $g.broker.port "peers" $peers.broker) | nindent 4 }}
    {{- end }}
    {{- if $v.uses.redis }}
    {{- include "common.egressRule" (dict "port" $g.redis.port "peers" $peers.redis) | nindent 4 }}
    {{- end }}
    {{- if include "common.reachesKeycloak" $ctx }}
    {{- include "common.egressRule" (dict "port" (regexFind ":[0-9]+" (include "common.keycloakUrl" $ctx) | trimPrefix ":" | default (hasPrefix "https" (include "common.keycloakUrl" $ctx) | ternary 443 80)) "peers" $peers.keycloak) | nindent 4 }}
    {{- end }}
    {{- if $v.uses.smtp }}
    {{- include "common.egressRule" (dict "port" $g.smtp.port "peers" $peers.smtp) | nindent 4 }}
    {{- end }}
    {{- if $g.otlpEndpoint }}
    {{- include "common.egressRule" (dict "port" $g.networkPolicy.otlpPort "peers" $peers.otlp) | nindent 4 }}
    {{- end }}
    {{- with $v.networkPolicy.extraEgress }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
{{- end }}
{{- end -}}

{{/* Everything a service chart needs: its single template is `{{ include "common.all" . }}`. */}}
{{- define "common.all" -}}
{{- $v := fromYaml (include "common.values" .) -}}
{{- $ctx := dict "root" . "v" $v -}}
{{- $docs := list (include "common.serviceAccount" .) (include "common.service" .) (include "common.networkPolicy" .) (include "common.serviceMonitor" .) (include "common.ingress" .) (include "common.migrationJob" .) (include "common.persistentVolumeClaim" .) -}}
{{- range $w := fromYamlArray (include "common.workloads" $ctx) -}}
{{- $wctx := dict "root" $ctx.root "v" $v "w" $w -}}
{{- $docs = concat $docs (list (include "common.deployment" $wctx) (include "common.pdb" $wctx) (include "common.hpa" $wctx)) -}}
{{- end -}}
{{- range $docs }}
{{- if trim . }}
---
{{ trim . }}
{{- end }}
{{- end }}
{{- end -}}
