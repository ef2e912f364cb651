{{- define "common.serviceAccount" -}}
{{- $v := fromYaml (include "common.values" .) -}}
{{- $ctx := dict "root" . "v" $v -}}
{{- if $v.serviceAccount.create }}
apiVersion: v1
kind: ServiceAccount
metadata:
  name: {{ include "common.serviceAccountName" $ctx }}
  labels:
    {{- include "common.labels" $ctx | nindent 4 }}
  {{- with $v.serviceAccount.annotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
automountServiceAccountToken: false
{{- end }}
{{- end -}}

{{- define "common.service" -}}
{{- $v := fromYaml (include "common.values" .) -}}
{{- $ctx := dict "root" . "v" $v -}}
apiVersion: v1
kind: Service
metadata:
  name: {{ include "common.fullname" $ctx }}
  labels:
    {{- include "common.labels" $ctx | nindent 4 }}
  {{- with $v.service.annotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
spec:
  type: {{ $v.service.type }}
  selector:
    {{- include "common.selectorLabels" $ctx | nindent 4 }}
  ports:
    {{- if eq $v.kind "grpc" }}
    - name: grpc
      port: {{ $v.ports.grpc | int }}
      targetPort: grpc
      protocol: TCP
      appProtocol: kubernetes.io/h2c
    - name: metrics
      port: {{ $v.ports.metrics | int }}
      targetPort: metrics
      protocol: TCP
    {{- else }}
    - name: http
      port: {{ $v.ports.http | int }}
      targetPort: http
      protocol: TCP
    - name: metrics
      port: {{ $v.ports.metrics | int }}
      targetPort: metrics
      protocol: TCP
    {{- end }}
{{- end -}}

{{- define "common.serviceMonitor" -}}
{{- $v := fromYaml (include "common.values" .) -}}
{{- $ctx := dict "root" . "v" $v -}}
{{- if or $v.serviceMonitor.enabled $v.global.serviceMonitor.enabled }}
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  name: {{ include "common.fullname" $ctx }}
  labels:
    {{- include "common.labels" $ctx | nindent 4 }}
    {{- with $v.serviceMonitor.labels }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
spec:
  selector:
    matchLabels:
      {{- include "common.selectorLabels" $ctx | nindent 6 }}
  endpoints:
    - port: metrics
      path: /metrics
      interval: {{ $v.serviceMonitor.interval }}
      scrapeTimeout: {{ $v.serviceMonitor.scrapeTimeout }}
{{- end }}
{{- end -}}

{{- define "common.ingress" -}}
{{- $v := fromYaml (include "common.values" .) -}}
{{- $ctx := dict "root" . "v" $v -}}
{{- if $v.ingress.enabled }}
{{- if ne $v.kind "http" }}
{{- fail (printf "%s: only an http service (the gateway) can have an Ingress" $v.component) }}
{{- end }}
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: {{ include "common.fullname" $ctx }}
  labels:
    {{- include "common.labels" $ctx | nindent 4 }}
  {{- with $v.ingress.annotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
spec:
  {{- with $v.ingress.className }}
  ingressClassName: {{ . }}
  {{- end }}
  {{- with $v.ingress.tls }}
  tls:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  rules:
    {{- range $v.ingress.hosts }}
    - host: {{ . | quote }}
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: {{ include "common.fullname" $ctx }}
                port:
                  name: http
    {{- end }}
{{- end }}
{{- end -}}
