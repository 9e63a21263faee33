// The Function App on the Flex Consumption plan (FC1), with a system-assigned identity and its app settings.

import { tags as tagsType, appSettings as appSettingsType } from 'types.bicep'

@description('Name of the Function App; also the first label of its default host name.')
param name string

@description('Name of the Flex Consumption plan.')
param planName string

@description('Azure region of the plan and the app.')
param location string

@description('Tags applied to every resource.')
param tags tagsType

@description('The platform\'s storage account: host storage, Durable Task hub, platform containers, deployment package.')
param storageAccountName string

@description('The blob container Flex Consumption deploys the app package from.')
param deploymentContainerName string

@description('Name of the Application Insights component.')
param appInsightsName string

@description('Name of the Event Grid topic the platform publishes to.')
param eventGridTopicName string

@description('.NET version of the dotnet-isolated worker (Flex Consumption runtime catalog value, e.g. 10.0).')
param runtimeVersion string

@description('Most instances the app scales out to.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int

@description('Memory of each instance, in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int

@description('API key Event Grid presents (as the query parameter "code") when it delivers to /api/events. Registered as the PlatformService principal "eventgrid".')
@secure()
param eventDeliveryKey string

@description('Key Vault secret URI of the model-package signing key (PKCS#8 PEM, ECDSA P-256); the app setting is a Key Vault reference to it.')
param packageSigningKeySecretUri string

@description('Further app settings (for example the Security__ApiKeys__N__* entries of the platform\'s users); they win over the ones set here.')
param additionalAppSettings appSettingsType

resource storage 'Microsoft.Storage/storageAccounts@2025-01-01' existing = {
  name: storageAccountName
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

resource topic 'Microsoft.EventGrid/topics@2025-02-15' existing = {
  name: eventGridTopicName
}

resource plan 'Microsoft.Web/serverfarms@2024-11-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2024-11-01' = {
  name: name
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      minTlsVersion: '1.2'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'SystemAssignedIdentity'
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: runtimeVersion
      }
    }
  }
}

// Settings the host and the platform read. FUNCTIONS_WORKER_RUNTIME must not be set on Flex Consumption
// (functionAppConfig.runtime replaces it); FUNCTIONS_EXTENSION_VERSION is deprecated there and managed by the
// backend, but harmless, and stated for readers and tools that look for it.
var platformSettings = {
  FUNCTIONS_EXTENSION_VERSION: '~4'
  APPLICATIONINSIGHTS_CONNECTION_STRING: appInsights.properties.ConnectionString

  // Host storage (and the Durable Task hub, and blob triggers) through the system-assigned identity.
  AzureWebJobsStorage__accountName: storage.name

  // The platform's BlobServiceClient (MLOps.Core) takes a connection string; see infra/README.md.
  Storage__ConnectionString: 'DefaultEndpointsProtocol=https;AccountName=${storage.name};AccountKey=${storage.listKeys().keys[0].value};EndpointSuffix=${environment().suffixes.storage}'

  // Publishing MLOps.* events (EventGridPlatformEventPublisher authenticates with a topic key).
  EventGrid__TopicEndpoint: topic.properties.endpoint
  EventGrid__TopicKey: topic.listKeys().key1

  // The caller Event Grid authenticates as on /api/events (RequestGuard reads ?code= on that path).
  // Index 100 leaves 0-99 to the users' keys given in additionalAppSettings.
  Security__ApiKeys__100__Principal: 'eventgrid'
  Security__ApiKeys__100__Key: eventDeliveryKey
  Security__ApiKeys__100__Roles__0: 'PlatformService'

  // The key that signs model packages (PackageSigningOptions): resolved by App Service from Key Vault with the app's
  // identity, so neither the template nor the deployment history ever holds it.
  Packaging__SigningKeyPem: '@Microsoft.KeyVault(SecretUri=${packageSigningKeySecretUri})'
}

resource appSettings 'Microsoft.Web/sites/config@2024-11-01' = {
  parent: site
  name: 'appsettings'
  properties: union(platformSettings, additionalAppSettings)
}

@description('Name of the Function App.')
output name string = site.name

@description('Default host name of the Function App (no scheme).')
output defaultHostName string = site.properties.defaultHostName

@description('Object id of the app\'s system-assigned identity.')
output principalId string = site.identity.principalId
