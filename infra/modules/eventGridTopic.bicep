// The custom topic the platform publishes its own events (MLOps.*) to.

import { tags as tagsType } from 'types.bicep'

@description('Name of the Event Grid topic.')
param name string

@description('Azure region of the topic.')
param location string

@description('Tags applied to every resource.')
param tags tagsType

resource topic 'Microsoft.EventGrid/topics@2025-02-15' = {
  name: name
  location: location
  tags: tags
  properties: {
    // EventGridPlatformEventPublisher sends EventGridEvent (Event Grid schema), authenticated with a topic key.
    inputSchema: 'EventGridSchema'
    publicNetworkAccess: 'Enabled'
    disableLocalAuth: false
    minimumTlsVersionAllowed: '1.2'
  }
}

@description('Name of the topic.')
output name string = topic.name

@description('Endpoint events are published to.')
output endpoint string = topic.properties.endpoint
