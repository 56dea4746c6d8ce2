metadata name = 'API identity'
metadata description = 'User-assigned managed identity the function app uses for storage, App Insights and Key Vault; no keys anywhere.'

@description('Required. Name of the user-assigned managed identity.')
param name string

@description('Optional. Location for the identity.')
param location string = resourceGroup().location

@description('Optional. Tags applied to the identity.')
param tags object = {}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

@description('The name of the identity.')
output name string = identity.name

@description('The resource ID of the identity (used for the function app and its deployment storage).')
output resourceId string = identity.id

@description('The client (application) ID of the identity, set as `__clientId` in identity-based connections.')
output clientId string = identity.properties.clientId

@description('The principal (object) ID of the identity, the subject of the role assignments.')
output principalId string = identity.properties.principalId
