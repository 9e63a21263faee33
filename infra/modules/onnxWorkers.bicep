// The ONNX workers (functions/MLOps.OnnxWorker, image built from infra/onnx-worker/Dockerfile) on Azure Container
// Apps: a managed environment with a GPU workload profile, one container app on it that scales on HTTP concurrency
// (Triton-style dynamic batching inside each replica coalesces the concurrent requests), probed on the KServe V2
// health routes. The Function App reaches it through its HTTPS ingress with the workers' access key.

import { tags as tagsType } from 'types.bicep'

@description('Name of the Container Apps managed environment.')
param environmentName string

@description('Name of the container app.')
param appName string

@description('Azure region of the environment and the app.')
param location string

@description('Tags applied to every resource.')
param tags tagsType

@description('Log Analytics workspace the environment sends container logs to.')
param logAnalyticsWorkspaceName string

@description('The platform\'s storage account: the workers read signed packages from its "packages" container.')
param storageAccountName string

@description('The worker image, e.g. myregistry.azurecr.io/mlops-onnx-worker:1.0.')
param image string

@description('Name of an Azure Container Registry in this resource group to pull the image from with a managed identity; empty for a public image.')
param containerRegistryName string

@description('GPU workload profile type: serverless T4 or A100.')
@allowed([
  'Consumption-GPU-NC8as-T4'
  'Consumption-GPU-NC24-A100'
])
param gpuProfileType string

@description('Replicas kept running (a GPU replica takes minutes to start, so 1 keeps the first request fast).')
@minValue(0)
@maxValue(10)
param minReplicas int

@description('Most replicas.')
@minValue(1)
@maxValue(50)
param maxReplicas int

@description('Concurrent HTTP requests per replica before Container Apps adds one.')
@minValue(1)
@maxValue(1000)
param concurrentRequests int

@description('SubjectPublicKeyInfo PEM of the package signing key: the workers load only packages it signed.')
@minLength(100)
param packagePublicKeyPem string

@description('Bearer key every worker route but the health probes requires (Worker:AccessKey).')
@secure()
@minLength(32)
param accessKey string

// A profile type gets the whole GPU share of its SKU: 8 vCPU / 56 GiB with one T4, 24 vCPU / 220 GiB with one A100.
var resources = gpuProfileType == 'Consumption-GPU-NC8as-T4'
  ? { cpu: '8.0', memory: '56Gi' }
  : { cpu: '24.0', memory: '220Gi' }
var gpuProfileName = 'gpu'
var pullFromRegistry = !empty(containerRegistryName)
var acrPull = '7f951dda-4ed3-4680-a7ca-43fe172d538d'

resource workspace 'Microsoft.OperationalInsights/workspaces@2025-02-01' existing = {
  name: logAnalyticsWorkspaceName
}

resource storage 'Microsoft.Storage/storageAccounts@2025-01-01' existing = {
  name: storageAccountName
}

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' existing = if (pullFromRegistry) {
  name: containerRegistryName
}

resource pullIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = if (pullFromRegistry) {
  name: '${appName}-pull'
  location: location
  tags: tags
}

resource pullRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (pullFromRegistry) {
  name: guid(resourceGroup().id, containerRegistryName, '${appName}-pull', acrPull)
  scope: registry
  properties: {
    principalId: pullIdentity!.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', acrPull)
    description: 'MLOps ONNX workers: pull the worker image'
  }
}

resource environment 'Microsoft.App/managedEnvironments@2024-03-01' = {
  name: environmentName
  location: location
  tags: tags
  properties: {
    appLogsConfiguration: {
      destination: 'log-analytics'
      logAnalyticsConfiguration: {
        customerId: workspace.properties.customerId
        sharedKey: workspace.listKeys().primarySharedKey
      }
    }
    workloadProfiles: [
      {
        name: 'Consumption'
        workloadProfileType: 'Consumption'
      }
      {
        name: gpuProfileName
        workloadProfileType: gpuProfileType
      }
    ]
  }
}

resource app 'Microsoft.App/containerApps@2024-03-01' = {
  name: appName
  location: location
  tags: tags
  identity: pullFromRegistry
    ? {
        type: 'UserAssigned'
        userAssignedIdentities: {
          '${pullIdentity.id}': {}
        }
      }
    : {
        type: 'None'
      }
  properties: {
    environmentId: environment.id
    workloadProfileName: gpuProfileName
    configuration: {
      activeRevisionsMode: 'Single'
      ingress: {
        external: true
        targetPort: 8080
        transport: 'http'
        allowInsecure: false
      }
      secrets: [
        {
          name: 'storage-connection-string'
          value: 'DefaultEndpointsProtocol=https;AccountName=${storage.name};AccountKey=${storage.listKeys().keys[0].value};EndpointSuffix=${az.environment().suffixes.storage}'
        }
        {
          name: 'worker-access-key'
          value: accessKey
        }
      ]
      registries: pullFromRegistry
        ? [
            {
              server: registry!.properties.loginServer
              identity: pullIdentity.id
            }
          ]
        : []
    }
    template: {
      containers: [
        {
          name: 'onnx-worker'
          image: image
          resources: {
            cpu: json(resources.cpu)
            memory: resources.memory
          }
          env: [
            { name: 'Storage__ConnectionString', secretRef: 'storage-connection-string' }
            { name: 'Worker__AccessKey', secretRef: 'worker-access-key' }
            { name: 'Packaging__PublicKeyPem', value: packagePublicKeyPem }
            { name: 'Worker__PreferCuda', value: 'true' }
          ]
          probes: [
            {
              type: 'Startup'
              httpGet: { path: '/v2/health/ready', port: 8080 }
              periodSeconds: 5
              failureThreshold: 60
            }
            {
              type: 'Liveness'
              httpGet: { path: '/v2/health/live', port: 8080 }
              periodSeconds: 10
            }
            {
              type: 'Readiness'
              httpGet: { path: '/v2/health/ready', port: 8080 }
              periodSeconds: 5
            }
          ]
        }
      ]
      scale: {
        minReplicas: minReplicas
        maxReplicas: maxReplicas
        rules: [
          {
            name: 'http-concurrency'
            http: {
              metadata: {
                concurrentRequests: string(concurrentRequests)
              }
            }
          }
        ]
      }
    }
  }
  dependsOn: [
    pullRole
  ]
}

@description('Name of the container app.')
output name string = app.name

@description('Host name of the workers\' HTTPS ingress (no scheme).')
output fqdn string = app.properties.configuration.ingress.fqdn
