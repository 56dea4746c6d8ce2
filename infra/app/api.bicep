metadata name = 'API function app'
metadata description = 'The Flex Consumption function app (.NET 10 isolated) with identity-based connections only: it holds no storage key, no App Insights key in code, no publishing password.'

@description('Required. Name of the function app.')
param name string

@description('Optional. Location for the app.')
param location string = resourceGroup().location

@description('Optional. Tags applied to the app; azd-service-name is added so `azd deploy` finds it.')
param tags object = {}

@description('Required. Resource ID of the Flex Consumption plan.')
param planResourceId string

@description('Required. Name of the storage account for AzureWebJobsStorage, the deployment package and the app data.')
param storageAccountName string

@description('Required. Blob container that holds the deployment package.')
param deploymentStorageContainerName string

@description('Required. Resource ID of the user-assigned identity the app runs as.')
param identityResourceId string

@description('Required. Client ID of the user-assigned identity (the `__clientId` of each connection).')
param identityClientId string

@description('Required. Name of the Application Insights component.')
param applicationInsightsName string

@description('Required. Durable Task hub name (letters and digits, 3-45 characters).')
@minLength(3)
@maxLength(45)
param taskHubName string

@description('Optional. Memory per instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Optional. Upper bound on scale-out instances.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Optional. Key Vault URI for flow secrets; empty leaves FLOWS_KEYVAULT_URL unset.')
param keyVaultUri string = ''

@description('Optional. Extra non-secret app settings (container, queue and table names).')
param appSettings object = {}

resource storageAccount 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

// Identity-based connections: `<Connection>__<service>ServiceUri` + credential + clientId, never a key.
var identitySettings = {
  AzureWebJobsStorage__blobServiceUri: storageAccount.properties.primaryEndpoints.blob
  AzureWebJobsStorage__queueServiceUri: storageAccount.properties.primaryEndpoints.queue
  AzureWebJobsStorage__tableServiceUri: storageAccount.properties.primaryEndpoints.table
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  FlowsStorage__blobServiceUri: storageAccount.properties.primaryEndpoints.blob
  FlowsStorage__queueServiceUri: storageAccount.properties.primaryEndpoints.queue
  FlowsStorage__tableServiceUri: storageAccount.properties.primaryEndpoints.table
  FlowsStorage__credential: 'managedidentity'
  FlowsStorage__clientId: identityClientId
  DURABLE_TASK_HUB: taskHubName
  // The connection string only locates the component; local auth is off, so ingestion needs the
  // identity named here (Monitoring Metrics Publisher).
  APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsights.properties.ConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
}
var keyVaultSettings = empty(keyVaultUri) ? {} : { FLOWS_KEYVAULT_URL: keyVaultUri }

resource functionApp 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityResourceId}': {}
    }
  }
  properties: {
    serverFarmId: planResourceId
    httpsOnly: true
    siteConfig: {
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storageAccount.properties.primaryEndpoints.blob}${deploymentStorageContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityResourceId
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }

  resource settings 'config' = {
    name: 'appsettings'
    properties: union(appSettings, identitySettings, keyVaultSettings)
  }

  // azd deploys with an Entra ID token, so publishing passwords are switched off.
  resource ftpPublishing 'basicPublishingCredentialsPolicies' = {
    name: 'ftp'
    properties: {
      allow: false
    }
  }

  resource scmPublishing 'basicPublishingCredentialsPolicies' = {
    name: 'scm'
    properties: {
      allow: false
    }
  }
}

@description('The name of the function app.')
output name string = functionApp.name

@description('The default URI of the function app, e.g. https://<name>.azurewebsites.net.')
output uri string = 'https://${functionApp.properties.defaultHostName}'
