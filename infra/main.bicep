metadata name = 'Serverless Flows'
metadata description = 'Everything `azd up` provisions: a Flex Consumption .NET 10 function app running the flows engine, one storage account reached only through a managed identity, monitoring, and an optional Key Vault.'

targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Required. Name of the azd environment; seeds the unique resource names and the azd-env-name tag.')
param environmentName string

@minLength(1)
@description('Required. Region for every resource; it must offer Flex Consumption (`az functionapp list-flexconsumption-locations`).')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Optional. Object ID of the deploying user or CI principal (azd\'s AZURE_PRINCIPAL_ID), granted the storage data roles so it can upload flows. Empty to skip.')
param principalId string = ''

@description('Optional. Type of principalId: User when run by a person, ServicePrincipal in CI.')
@allowed([
  'User'
  'ServicePrincipal'
])
param principalType string = 'User'

@description('Optional. Create a Key Vault for flow secrets and set FLOWS_KEYVAULT_URL.')
param enableKeyVault bool = false

@description('Optional. Upper bound on function app instances (Flex Consumption scales from zero to this).')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Optional. Memory per function app instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Optional. Override for the resource group name.')
param resourceGroupName string = ''

var abbrs = loadJsonContent('abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }
var functionAppName = '${abbrs.webSitesFunctions}api-${resourceToken}'
var deploymentStorageContainerName = 'app-package-${take(functionAppName, 32)}-${take(toLower(uniqueString(functionAppName, resourceToken)), 7)}'
// Durable Task hub names are letters and digits only; the token keeps environments apart in one account.
var taskHubName = 'flows${resourceToken}'

// The app's own data; the names also reach the app as settings so code and infra agree on them.
var storageNames = {
  flowsContainer: 'flows'
  namespaceFilesContainer: 'namespace-files'
  internalStorageContainer: 'internal-storage'
  kvContainer: 'kv'
  triggerInboxContainer: 'trigger-inbox'
  triggerQueue: 'flow-triggers'
  executionsTable: 'executions'
  taskRunsTable: 'taskruns'
  logsTable: 'logs'
  flowsTable: 'flows'
  triggersTable: 'triggers'
}

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: !empty(resourceGroupName) ? resourceGroupName : '${abbrs.resourcesResourceGroups}${environmentName}'
  location: location
  tags: tags
}

module identity 'app/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: '${abbrs.managedIdentityUserAssignedIdentities}api-${resourceToken}'
    location: location
    tags: tags
  }
}

module monitoring 'app/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
    applicationInsightsName: '${abbrs.insightsComponents}${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'app/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: '${abbrs.storageStorageAccounts}${resourceToken}'
    location: location
    tags: tags
    containerNames: [
      deploymentStorageContainerName
      storageNames.flowsContainer
      storageNames.namespaceFilesContainer
      storageNames.internalStorageContainer
      storageNames.kvContainer
      storageNames.triggerInboxContainer
    ]
    queueNames: [
      storageNames.triggerQueue
    ]
    tableNames: [
      storageNames.executionsTable
      storageNames.taskRunsTable
      storageNames.logsTable
      storageNames.flowsTable
      storageNames.triggersTable
    ]
  }
}

module rbac 'app/rbac.bicep' = {
  name: 'rbac'
  scope: rg
  params: {
    storageAccountName: storage.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    managedIdentityPrincipalId: identity.outputs.principalId
    userPrincipalId: principalId
    userPrincipalType: principalType
  }
}

module keyVault 'app/keyvault.bicep' = if (enableKeyVault) {
  name: 'keyvault'
  scope: rg
  params: {
    name: '${abbrs.keyVaultVaults}${resourceToken}'
    location: location
    tags: tags
    readerPrincipalId: identity.outputs.principalId
    officerPrincipalId: principalId
    officerPrincipalType: principalType
  }
}

module plan 'app/plan.bicep' = {
  name: 'plan'
  scope: rg
  params: {
    name: '${abbrs.webServerFarms}${resourceToken}'
    location: location
    tags: tags
  }
}

module api 'app/api.bicep' = {
  name: 'api'
  scope: rg
  params: {
    name: functionAppName
    location: location
    tags: tags
    planResourceId: plan.outputs.resourceId
    storageAccountName: storage.outputs.name
    deploymentStorageContainerName: deploymentStorageContainerName
    identityResourceId: identity.outputs.resourceId
    identityClientId: identity.outputs.clientId
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    taskHubName: taskHubName
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
    keyVaultUri: enableKeyVault ? keyVault!.outputs.uri : ''
    appSettings: {
      FLOWS_STORAGE_FLOWS_CONTAINER: storageNames.flowsContainer
      FLOWS_STORAGE_NAMESPACE_FILES_CONTAINER: storageNames.namespaceFilesContainer
      FLOWS_STORAGE_INTERNAL_CONTAINER: storageNames.internalStorageContainer
      FLOWS_STORAGE_KV_CONTAINER: storageNames.kvContainer
      FLOWS_TRIGGER_INBOX_CONTAINER: storageNames.triggerInboxContainer
      FLOWS_TRIGGER_QUEUE: storageNames.triggerQueue
      FLOWS_TABLE_EXECUTIONS: storageNames.executionsTable
      FLOWS_TABLE_TASKRUNS: storageNames.taskRunsTable
      FLOWS_TABLE_LOGS: storageNames.logsTable
      FLOWS_TABLE_FLOWS: storageNames.flowsTable
      FLOWS_TABLE_TRIGGERS: storageNames.triggersTable
    }
  }
  // The roles must exist before the host starts, or its first storage calls are refused.
  dependsOn: [
    rbac
  ]
}

@description('Region of the deployment.')
output AZURE_LOCATION string = location

@description('Tenant of the deployment.')
output AZURE_TENANT_ID string = tenant().tenantId

@description('Resource group holding every resource.')
output RESOURCE_GROUP string = rg.name

@description('Resource group, under the name azd reads.')
output AZURE_RESOURCE_GROUP string = rg.name

@description('Function app name.')
output AZURE_FUNCTION_APP_NAME string = api.outputs.name

@description('Function app name, under the name azd reads for the api service.')
output SERVICE_API_NAME string = api.outputs.name

@description('Function app base URI.')
output SERVICE_API_URI string = api.outputs.uri

@description('Storage account name (for `az storage blob upload-batch --auth-mode login`).')
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name

@description('Storage blob endpoint.')
output AZURE_STORAGE_BLOB_ENDPOINT string = storage.outputs.blobEndpoint

@description('Container the postprovision hook uploads flows to.')
output AZURE_STORAGE_FLOWS_CONTAINER string = storageNames.flowsContainer

@description('Container the postprovision hook uploads namespace files to.')
output AZURE_STORAGE_NAMESPACE_FILES_CONTAINER string = storageNames.namespaceFilesContainer

@description('Key Vault name, empty when enableKeyVault is false.')
output AZURE_KEY_VAULT_NAME string = enableKeyVault ? keyVault!.outputs.name : ''
