metadata name = 'Key Vault'
metadata description = 'Optional vault for flow secrets ({{ secret(\'NAME\') }}), RBAC-authorized: the app identity reads, the deploying user may write.'

@description('Required. Name of the vault (3-24 characters).')
@minLength(3)
@maxLength(24)
param name string

@description('Optional. Location for the vault.')
param location string = resourceGroup().location

@description('Optional. Tags applied to the vault.')
param tags object = {}

@description('Required. Principal ID of the function app\'s identity, granted Key Vault Secrets User (read only).')
param readerPrincipalId string

@description('Optional. Principal ID of the deploying user, granted Key Vault Secrets Officer so they can set secrets. Empty to skip.')
param officerPrincipalId string = ''

@description('Optional. Principal type of officerPrincipalId.')
@allowed([
  'User'
  'ServicePrincipal'
])
param officerPrincipalType string = 'User'

var secretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6' // Key Vault Secrets User
var secretsOfficerRoleId = 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7' // Key Vault Secrets Officer

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    // Access through Azure RBAC only; no access policies.
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
    publicNetworkAccess: 'Enabled'
  }
}

resource readerRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, readerPrincipalId, subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsUserRoleId))
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsUserRoleId)
    principalId: readerPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource officerRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(officerPrincipalId)) {
  name: guid(vault.id, officerPrincipalId, subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsOfficerRoleId))
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsOfficerRoleId)
    principalId: officerPrincipalId
    principalType: officerPrincipalType
  }
}

@description('The name of the vault.')
output name string = vault.name

@description('The vault URI, e.g. https://<name>.vault.azure.net/ (set as FLOWS_KEYVAULT_URL).')
output uri string = vault.properties.vaultUri
