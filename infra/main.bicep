// MLOps.Functions on Azure: storage, monitoring, the Function App (Flex Consumption), Event Grid routing.
// Deploy with `az deployment group create` (see infra/README.md), in two phases:
//   1. infrastructure (appCodePublished = false, no blobExtensionKey), then publish the app's code;
//   2. the Event Grid subscriptions (appCodePublished = true, blobExtensionKey read from the running app).
targetScope = 'resourceGroup'

import { tags as tagsType, appSettings as appSettingsType } from 'modules/types.bicep'

@description('Azure region of every resource.')
param location string = resourceGroup().location

@description('Prefix of every resource name: 3-11 lowercase letters and digits (it also starts the storage account name).')
@minLength(3)
@maxLength(11)
param namePrefix string = 'mlops'

@description('Tags applied to every resource.')
param tags tagsType = {
  application: 'MLOps.Functions'
}

@description('Redundancy of the storage account.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_RAGRS'
])
param storageSku string = 'Standard_LRS'

@description('Days a deleted blob or container can be restored.')
@minValue(1)
@maxValue(365)
param softDeleteRetentionDays int = 7

@description('Days Log Analytics keeps data.')
@minValue(30)
@maxValue(730)
param logRetentionInDays int = 30

@description('.NET version of the dotnet-isolated worker on Flex Consumption; must be a value of the regional runtime catalog (`az functionapp list-flexconsumption-runtimes`), e.g. "10.0", not "10".')
param functionRuntimeVersion string = '10.0'

@description('Most instances the Function App scales out to.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 100

@description('Memory of each Function App instance, in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('API key Event Grid presents, as the query parameter "code", when it delivers platform events to https://{app}/api/events. The deployment registers it as the PlatformService principal "eventgrid" (Security__ApiKeys__100__*). At least 32 characters.')
@secure()
@minLength(32)
param eventDeliveryKey string

@description('System key "blobs_extension" of the Function App (read after the first deployment and code publish, see infra/README.md). Empty: the BlobCreated subscription for landing/ is not created yet.')
@secure()
param blobExtensionKey string = ''

@description('Whether the app\'s code has been published: Event Grid validates webhook endpoints when a subscription is created, so the subscription to /api/events is only created once the app runs.')
param appCodePublished bool = false

@description('Key Vault secret URI (https://{vault}.vault.azure.net/secrets/{name}, optionally /{version}) of the PKCS#8 PEM of the ECDSA P-256 private key that signs model packages. The app reads it through a Key Vault reference (Packaging__SigningKeyPem); grant the app\'s identity "Key Vault Secrets User" on the secret (see infra/README.md). The key itself never passes through the deployment.')
@minLength(1)
param packageSigningKeySecretUri string

@description('Image of the ONNX workers (built from infra/onnx-worker/Dockerfile), e.g. myregistry.azurecr.io/mlops-onnx-worker:1.0. Empty: no workers are deployed.')
param workerImage string = ''

@description('Azure Container Registry in this resource group the worker image is pulled from (with a managed identity); empty for a public image.')
param workerRegistryName string = ''

@description('GPU workload profile of the workers.')
@allowed([
  'Consumption-GPU-NC8as-T4'
  'Consumption-GPU-NC24-A100'
])
param workerGpuProfile string = 'Consumption-GPU-NC8as-T4'

@description('Worker replicas kept running.')
@minValue(0)
@maxValue(10)
param workerMinReplicas int = 1

@description('Most worker replicas.')
@minValue(1)
@maxValue(50)
param workerMaxReplicas int = 4

@description('Concurrent requests per worker replica before another is added.')
@minValue(1)
@maxValue(1000)
param workerConcurrentRequests int = 32

@description('SubjectPublicKeyInfo PEM of the package signing key (the public half of Packaging__SigningKeyPem): the workers load only packages it signed. Required with workerImage.')
param packagePublicKeyPem string = ''

@description('Bearer key of the workers (Worker__AccessKey), also given to the Function App (Workers__AccessKey). At least 32 characters with workerImage.')
@secure()
param workerAccessKey string = ''

@description('Further app settings, e.g. the Security__ApiKeys__N__* (N < 100) of the platform\'s users; they win over the settings this template sets. The deployment replaces all app settings, so pass every setting that is managed outside this template here.')
param additionalAppSettings appSettingsType = {}

// Names: one place, derived from the prefix and a per-resource-group suffix.
var suffix = uniqueString(resourceGroup().id)
var names = {
  storageAccount: take('${namePrefix}st${suffix}', 24)
  logAnalytics: '${namePrefix}-log-${suffix}'
  appInsights: '${namePrefix}-appi-${suffix}'
  plan: '${namePrefix}-plan-${suffix}'
  functionApp: '${namePrefix}-func-${suffix}'
  eventGridTopic: '${namePrefix}-events-${suffix}'
  storageSystemTopic: '${namePrefix}-st-events-${suffix}'
  workerEnvironment: '${namePrefix}-cae-${suffix}'
  workerApp: take('${namePrefix}-onnx-${suffix}', 32)
}

var deployWorkers = !empty(workerImage)

// MLOps.Core.Storage.BlobContainers.
var landingContainer = 'landing'
var platformContainers = [
  landingContainer
  'audit'
  'snapshots'
  'diagnostics'
  'packages'
  'builds'
]
var deploymentContainer = 'app-package'

// The blob-triggered function (Source = EventGrid) that starts the data pipeline for a new landing blob.
var landingFunctionName = 'LandingBlob'

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: names.storageAccount
    location: location
    tags: tags
    skuName: storageSku
    platformContainers: platformContainers
    deploymentContainerName: deploymentContainer
    softDeleteRetentionDays: softDeleteRetentionDays
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    workspaceName: names.logAnalytics
    appInsightsName: names.appInsights
    location: location
    tags: tags
    retentionInDays: logRetentionInDays
  }
}

module eventGridTopic 'modules/eventGridTopic.bicep' = {
  name: 'eventGridTopic'
  params: {
    name: names.eventGridTopic
    location: location
    tags: tags
  }
}

module onnxWorkers 'modules/onnxWorkers.bicep' = if (deployWorkers) {
  name: 'onnxWorkers'
  params: {
    environmentName: names.workerEnvironment
    appName: names.workerApp
    location: location
    tags: tags
    logAnalyticsWorkspaceName: names.logAnalytics
    storageAccountName: names.storageAccount
    image: workerImage
    containerRegistryName: workerRegistryName
    gpuProfileType: workerGpuProfile
    minReplicas: workerMinReplicas
    maxReplicas: workerMaxReplicas
    concurrentRequests: workerConcurrentRequests
    packagePublicKeyPem: packagePublicKeyPem
    accessKey: workerAccessKey
  }
  dependsOn: [
    storage
    monitoring
  ]
}

// The Function App routes inference to the workers' ingress (MLOps.Core's InferenceWorkerPool, section Workers).
var workerAppSettings = deployWorkers
  ? {
      Workers__Endpoints__0: 'https://${onnxWorkers!.outputs.fqdn}'
      Workers__AccessKey: workerAccessKey
    }
  : {}

module functionApp 'modules/functionApp.bicep' = {
  name: 'functionApp'
  params: {
    name: names.functionApp
    planName: names.plan
    location: location
    tags: tags
    storageAccountName: names.storageAccount
    deploymentContainerName: deploymentContainer
    appInsightsName: names.appInsights
    eventGridTopicName: names.eventGridTopic
    runtimeVersion: functionRuntimeVersion
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    eventDeliveryKey: eventDeliveryKey
    packageSigningKeySecretUri: packageSigningKeySecretUri
    additionalAppSettings: union(workerAppSettings, additionalAppSettings)
  }
  // Names are passed as deploy-time constants (precise what-if), so the order is stated here.
  dependsOn: [
    storage
    monitoring
    eventGridTopic
  ]
}

module roleAssignments 'modules/roleAssignments.bicep' = {
  name: 'roleAssignments'
  params: {
    principalId: functionApp.outputs.principalId
    principalResourceId: resourceId('Microsoft.Web/sites', names.functionApp)
    storageAccountName: names.storageAccount
    eventGridTopicName: names.eventGridTopic
  }
}

module eventRouting 'modules/eventRouting.bicep' = {
  name: 'eventRouting'
  params: {
    location: location
    tags: tags
    eventGridTopicName: names.eventGridTopic
    storageAccountName: names.storageAccount
    systemTopicName: names.storageSystemTopic
    landingContainerName: landingContainer
    subscribePlatformEvents: appCodePublished
    platformWebhookUrl: 'https://${functionApp.outputs.defaultHostName}/api/events?code=${eventDeliveryKey}'
    subscribeLandingBlobs: !empty(blobExtensionKey)
    landingWebhookUrl: 'https://${functionApp.outputs.defaultHostName}/runtime/webhooks/blobs?functionName=Host.Functions.${landingFunctionName}&code=${blobExtensionKey}'
  }
  // The app reaches its storage through its identity: let the roles exist before Event Grid calls it.
  dependsOn: [
    eventGridTopic
    storage
    roleAssignments
  ]
}

@description('Name of the Function App.')
output functionAppName string = functionApp.outputs.name

@description('Default host name of the Function App (no scheme).')
output functionAppHostName string = functionApp.outputs.defaultHostName

@description('Name of the storage account.')
output storageAccountName string = storage.outputs.name

@description('Endpoint of the Event Grid topic the platform publishes MLOps.* events to.')
output eventGridTopicEndpoint string = eventGridTopic.outputs.endpoint

@description('Name of the Event Grid system topic on the storage account.')
output storageSystemTopicName string = eventRouting.outputs.systemTopicName
