{{/* The schema migration: `python -m <module> migrate`, run as a Helm hook Job. */}}
{{- define "common.migrationJob" -}}
{{- $v := fromYaml (include "common.values" .) -}}
{{- $ctx := dict "root" . "v" $v "workload" "migrate" -}}
{{- if and $v.migrations.enabled $v.uses.database }}
apiVersion: batch/v1
kind: Job
metadata:
  name: {{ printf "%s-migrate" (include "common.fullname" $ctx) | trunc 63 | trimSuffix "-" }}
  labels:
    {{- include "common.labels" $ctx | nindent 4 }}
  annotations:
    helm.sh/hook: {{ $v.migrations.hook }}
    helm.sh/hook-weight: "-5"
    helm.sh/hook-delete-policy: before-hook-creation,hook-succeeded
spec:
  backoffLimit: {{ $v.migrations.backoffLimit | int }}
  activeDeadlineSeconds: {{ $v.migrations.activeDeadlineSeconds | int }}
  ttlSecondsAfterFinished: {{ $v.migrations.ttlSecondsAfterFinished | int }}
  template:
    metadata:
      labels:
        {{- include "common.podLabels" $ctx | nindent 8 }}
    spec:
      restartPolicy: Never
      {{- include "common.podCommon" $ctx | nindent 6 }}
      containers:
        - name: migrate
          image: {{ include "common.image" $ctx | quote }}
          imagePullPolicy: {{ $v.image.pullPolicy | default $v.global.image.pullPolicy }}
          command: ["python", "-m", {{ $v.module | quote }}]
          args:
            {{- toYaml $v.migrations.args | nindent 12 }}
          env:
            {{- include "common.env" $ctx | nindent 12 }}
          securityContext:
            {{- toYaml $v.securityContext | nindent 12 }}
          resources:
            {{- toYaml ($v.migrations.resources | default $v.resources) | nindent 12 }}
          volumeMounts:
            {{- include "common.volumeMounts" $ctx | nindent 12 }}
{{- end }}
{{- end -}}
