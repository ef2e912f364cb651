{{/*
The workloads of a service: the server (gRPC or HTTP) and any `workers:` (e.g. the Celery
worker of notification), each a Deployment with its own PDB and optional HPA.
Returns a YAML list; each item is what common.deployment, common.pdb and common.hpa take as `w`.
*/}}
{{- define "common.workloads" -}}
{{- $root := .root -}}
{{- $v := .v -}}
- name: {{ include "common.fullname" . }}
  workload: server
  args: {{ toJson $v.args }}
  replicas: {{ $v.replicas | int }}
  autoscaling: {{ toJson $v.autoscaling }}
  pdb: {{ toJson $v.pdb }}
  resources: {{ toJson $v.resources }}
  serving: true
  env: {}
{{- range $name := keys $v.workers | sortAlpha }}
{{- $w := index $v.workers $name }}
{{- if not $w.args }}
{{- fail (printf "%s: workers.%s.args is required" $v.component $name) }}
{{- end }}
- name: {{ printf "%s-%s" (include "common.fullname" (dict "root" $root "v" $v)) $name | trunc 63 | trimSuffix "-" }}
  workload: {{ $name }}
  args: {{ toJson $w.args }}
  replicas: {{ hasKey $w "replicas" | ternary $w.replicas 1 | int }}
  autoscaling: {{ toJson ($w.autoscaling | default (dict "enabled" false)) }}
  pdb: {{ toJson ($w.pdb | default $v.pdb) }}
  resources: {{ toJson ($w.resources | default $v.resources) }}
  serving: false
  env: {{ toJson ($w.env | default dict) }}
{{- end }}
{{- end -}}

{{- define "common.deployment" -}}
{{- $ctx := dict "root" .root "v" .v "workload" .w.workload -}}
{{- $w := .w -}}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ $w.name }}
  labels:
    {{- include "common.labels" $ctx | nindent 4 }}
spec:
  {{- if not $w.autoscaling.enabled }}
  replicas: {{ $w.replicas | int }}
  {{- end }}
  revisionHistoryLimit: 5
  selector:
    matchLabels:
      {{- include "common.selectorLabels" $ctx | nindent 6 }}
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: 25%
      maxUnavailable: 0
  template:
    metadata:
      labels:
        {{- include "common.podLabels" $ctx | nindent 8 }}
      {{- with .v.podAnnotations }}
      annotations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
    spec:
      {{- include "common.podCommon" $ctx | nindent 6 }}
      terminationGracePeriodSeconds: {{ .v.terminationGracePeriodSeconds | int }}
      {{- if .v.topologySpread }}
      topologySpreadConstraints:
        - maxSkew: 1
          topologyKey: kubernetes.io/hostname
          whenUnsatisfiable: ScheduleAnyway
          labelSelector:
            matchLabels:
              {{- include "common.selectorLabels" $ctx | nindent 14 }}
      {{- end }}
      containers:
        - name: {{ $w.workload | eq "server" | ternary .v.component $w.workload }}
          image: {{ include "common.image" $ctx | quote }}
          imagePullPolicy: {{ .v.image.pullPolicy | default .v.global.image.pullPolicy }}
          command: ["python", "-m", {{ .v.module | quote }}]
          {{- with $w.args }}
          args:
            {{- toYaml . | nindent 12 }}
          {{- end }}
          {{- if $w.serving }}
          ports:
            {{- include "common.containerPorts" $ctx | trim | nindent 12 }}
          {{- include "common.probes" $ctx | trim | nindent 10 }}
          {{- end }}
          env:
            {{- include "common.env" (dict "root" .root "v" .v "workloadEnv" $w.env) | nindent 12 }}
          securityContext:
            {{- toYaml .v.securityContext | nindent 12 }}
          resources:
            {{- toYaml $w.resources | nindent 12 }}
          volumeMounts:
            {{- include "common.volumeMounts" $ctx | nindent 12 }}
{{- end -}}

{{- define "common.pdb" -}}
{{- $ctx := dict "root" .root "v" .v "workload" .w.workload -}}
{{- if .w.pdb.enabled }}
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {{ .w.name }}
  labels:
    {{- include "common.labels" $ctx | nindent 4 }}
spec:
  {{- if hasKey .w.pdb "minAvailable" }}
  minAvailable: {{ .w.pdb.minAvailable }}
  {{- else }}
  maxUnavailable: {{ .w.pdb.maxUnavailable }}
  {{- end }}
  selector:
    matchLabels:
      {{- include "common.selectorLabels" $ctx | nindent 6 }}
{{- end }}
{{- end -}}

{{- define "common.hpa" -}}
{{- $ctx := dict "root" .root "v" .v "workload" .w.workload -}}
{{- $a := .w.autoscaling -}}
{{- if $a.enabled }}
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: {{ .w.name }}
  labels:
    {{- include "common.labels" $ctx | nindent 4 }}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: {{ .w.name }}
  minReplicas: {{ $a.minReplicas | default 2 | int }}
  maxReplicas: {{ $a.maxReplicas | default 6 | int }}
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: {{ $a.targetCPUUtilizationPercentage | default 70 | int }}
    {{- if $a.targetMemoryUtilizationPercentage }}
    - type: Resource
      resource:
        name: memory
        target:
          type: Utilization
          averageUtilization: {{ $a.targetMemoryUtilizationPercentage | int }}
    {{- end }}
  behavior:
    scaleDown:
      stabilizationWindowSeconds: 300
{{- end }}
{{- end -}}
