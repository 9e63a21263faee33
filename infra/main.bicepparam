// Example parameters. Secrets come from the environment, never from this file:
//   MLOPS_EVENT_DELIVERY_KEY   API key Event Grid passes to /api/events (>= 32 characters), required;
//   MLOPS_BLOB_EXTENSION_KEY   the app's "blobs_extension" system key, phase 2 only (see README.md);
//   MLOPS_APP_CODE_PUBLISHED   "true" once the app's code is published, phase 2 only;
//   MLOPS_PACKAGE_SIGNING_KEY_URI  Key Vault secret URI of the model-package signing key (not the key), required;
//   MLOPS_WORKER_IMAGE         optional image of the ONNX workers (infra/onnx-worker/Dockerfile); empty: no workers;
//   MLOPS_WORKER_ACCESS_KEY    the workers' bearer key (>= 32 characters), with MLOPS_WORKER_IMAGE;
//   MLOPS_PACKAGE_PUBLIC_KEY   the package signing key's public PEM, with MLOPS_WORKER_IMAGE;
//   MLOPS_APP_SETTINGS_JSON    optional JSON object of further app settings, e.g. users' API keys:
//                              {"Security__ApiKeys__0__Principal":"ops","Security__ApiKeys__0__KeySha256":"<hex>",
//                               "Security__ApiKeys__0__Roles__0":"OperationsEngineer"}
using 'main.bicep'

param namePrefix = 'mlops'

param tags = {
  application: 'MLOps.Functions'
  environment: 'dev'
}

param storageSku = 'Standard_LRS'

param functionRuntimeVersion = '10.0'

param maximumInstanceCount = 100

param instanceMemoryMB = 2048

param eventDeliveryKey = readEnvironmentVariable('MLOPS_EVENT_DELIVERY_KEY')

param packageSigningKeySecretUri = readEnvironmentVariable('MLOPS_PACKAGE_SIGNING_KEY_URI')

param blobExtensionKey = readEnvironmentVariable('MLOPS_BLOB_EXTENSION_KEY', '')

param appCodePublished = bool(readEnvironmentVariable('MLOPS_APP_CODE_PUBLISHED', 'false'))

param workerImage = readEnvironmentVariable('MLOPS_WORKER_IMAGE', '')

param workerAccessKey = readEnvironmentVariable('MLOPS_WORKER_ACCESS_KEY', '')

param packagePublicKeyPem = readEnvironmentVariable('MLOPS_PACKAGE_PUBLIC_KEY', '')

param workerGpuProfile = 'Consumption-GPU-NC8as-T4'

param workerMinReplicas = 1

param workerMaxReplicas = 4

param workerConcurrentRequests = 32

param additionalAppSettings = json(readEnvironmentVariable('MLOPS_APP_SETTINGS_JSON', '{}'))
