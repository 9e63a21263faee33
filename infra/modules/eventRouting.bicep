// Event Grid delivery into the Function App:
//  - platform events (MLOps.*) from the custom topic to the platform webhook /api/events;
//  - Microsoft.Storage.BlobCreated under landing/ from the storage account's system topic to the
//    blob trigger "LandingBlob" (Source = EventGrid), through the blobs extension webhook.
// Event Grid validates a webhook when a subscription is created, so both subscriptions need the
// app's code to be published and running: they are created in the second deployment phase.

import { tags as tagsType } from 'types.bicep'

@description('Azure region of the system topic (that of the storage account).')
param location string

@description('Tags applied to every resource.')
param tags tagsType

@description('Name of the platform\'s Event Grid topic.')
param eventGridTopicName string

@description('Name of the storage account whose blob events are routed.')
param storageAccountName string

@description('Name of the Event Grid system topic on the storage account.')
param systemTopicName string

@description('Blob container whose new blobs start the data pipeline.')
param landingContainerName string

@description('Create the subscription from the platform topic to /api/events (the app must answer its validation handshake).')
param subscribePlatformEvents bool

@description('Webhook of the platform events: https://{app}/api/events?code={eventDeliveryKey}.')
@secure()
param platformWebhookUrl string

@description('Create the subscription for BlobCreated under the landing container (needs the blobs extension key).')
param subscribeLandingBlobs bool

@description('Webhook of the blobs extension for the LandingBlob function: https://{app}/runtime/webhooks/blobs?functionName=Host.Functions.LandingBlob&code={blobs_extension key}.')
@secure()
param landingWebhookUrl string

resource topic 'Microsoft.EventGrid/topics@2025-02-15' existing = {
  name: eventGridTopicName
}

resource storage 'Microsoft.Storage/storageAccounts@2025-01-01' existing = {
  name: storageAccountName
}

var retryPolicy = {
  maxDeliveryAttempts: 30
  eventTimeToLiveInMinutes: 1440
}

resource platformEvents 'Microsoft.EventGrid/topics/eventSubscriptions@2025-02-15' = if (subscribePlatformEvents) {
  parent: topic
  name: 'platform-webhook'
  properties: {
    eventDeliverySchema: 'EventGridSchema'
    destination: {
      endpointType: 'WebHook'
      properties: {
        endpointUrl: platformWebhookUrl
        maxEventsPerBatch: 1
        preferredBatchSizeInKilobytes: 64
      }
    }
    filter: {
      advancedFilters: [
        {
          operatorType: 'StringBeginsWith'
          key: 'eventType'
          values: [
            'MLOps.'
          ]
        }
      ]
    }
    retryPolicy: retryPolicy
  }
}

resource storageEvents 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: systemTopicName
  location: location
  tags: tags
  properties: {
    source: storage.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

resource landingBlobCreated 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2025-02-15' = if (subscribeLandingBlobs) {
  parent: storageEvents
  name: 'landing-blob-created'
  properties: {
    eventDeliverySchema: 'EventGridSchema'
    destination: {
      endpointType: 'WebHook'
      properties: {
        endpointUrl: landingWebhookUrl
        maxEventsPerBatch: 1
        preferredBatchSizeInKilobytes: 64
      }
    }
    filter: {
      includedEventTypes: [
        'Microsoft.Storage.BlobCreated'
      ]
      subjectBeginsWith: '/blobServices/default/containers/${landingContainerName}/'
    }
    retryPolicy: retryPolicy
  }
}

@description('Name of the storage account\'s system topic.')
output systemTopicName string = storageEvents.name
