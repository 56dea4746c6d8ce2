metadata name = 'Role assignments'
metadata description = 'Least-privilege data-plane roles: the app identity on storage and App Insights, optionally the deploying user on storage.'

@description('Required. Name of the storage account the roles are scoped to.')
param storageAccountName string

@description('Required. Name of the Application Insights component the metrics role is scoped to.')
param applicationInsightsName string

@description('Required. Principal ID of the function app\'s user-assigned identity.')
param managedIdentityPrincipalId string

@description('Optional. Principal ID of the deploying user (azd\'s AZURE_PRINCIPAL_ID), granted the same data roles so they can upload flows. Empty to skip.')
param userPrincipalId string = ''

@description('Optional. Principal type of userPrincipalId: User locally, ServicePrincipal when azd runs in CI.')
@allowed([
  'User'
  'ServicePrincipal'
])
param userPrincipalType string = 'User'

// Built-in role definition IDs (https://learn.microsoft.com/azure/role-based-access-control/built-in-roles).
var storageRoleIds = [
  'b7e6dc6d-f1e8-4753-8033-0f276bb0955b' // Storage Blob Data Owner: host leases, deployment package, app containers
  '974c5e8b-45b9-4653-ba55-5f855dd0fb88' // Storage Queue Data Contributor: Durable Task queues, flow-triggers
  '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3' // Storage Table Data Contributor: Durable Task history, execution tables
]
var monitoringMetricsPublisherRoleId = '3913510d-42f4-4e42-8a64-420c390055eb'

resource storageAccount 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource identityStorageRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in storageRoleIds: {
    name: guid(storageAccount.id, managedIdentityPrincipalId, subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId))
    scope: storageAccount
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
      principalId: managedIdentityPrincipalId
      principalType: 'ServicePrincipal'
    }
  }
]

resource identityMetricsRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(applicationInsights.id, managedIdentityPrincipalId, subscriptionResourceId('Microsoft.Authorization/roleDefinitions', monitoringMetricsPublisherRoleId))
  scope: applicationInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', monitoringMetricsPublisherRoleId)
    principalId: managedIdentityPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource userStorageRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in storageRoleIds: if (!empty(userPrincipalId)) {
    name: guid(storageAccount.id, userPrincipalId, subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId))
    scope: storageAccount
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
      principalId: userPrincipalId
      principalType: userPrincipalType
    }
  }
]

@description('The number of role assignments made for the app identity.')
output identityRoleAssignmentCount int = length(storageRoleIds) + 1
